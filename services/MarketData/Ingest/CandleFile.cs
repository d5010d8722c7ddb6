namespace Platform.MarketData.Ingest;

/// <summary>An upload opened by <see cref="CandleFileReader"/>: its layout is known from the first line, its rows follow.</summary>
internal abstract class CandleFile(string layout) : IDisposable
{
    /// <summary>The recognized layout, one of <see cref="CandleFileLayout"/>.</summary>
    public string Layout { get; } = layout;

    /// <summary>The most rows a batch of <see cref="ReadBatchesAsync"/> holds.</summary>
    public const int BatchRows = 4096;

    /// <summary>
    /// Each data row once, in file order, neither sorted nor de-duplicated (the store does that), in batches of up to
    /// <see cref="BatchRows"/> whose memory the next batch reuses. Throws <see cref="CandleFileException"/> when gzip data
    /// turns out corrupt further on than the first 4 KiB.
    /// </summary>
    public abstract IAsyncEnumerable<ReadOnlyMemory<CandleFileRow>> ReadBatchesAsync(CancellationToken cancellationToken = default);

    public abstract void Dispose();
}
