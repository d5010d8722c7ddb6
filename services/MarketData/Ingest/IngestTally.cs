namespace Platform.MarketData.Ingest;

/// <summary>Counts the rows of an ingest as they stream past, passing only valid candles on to the store.</summary>
internal sealed class IngestTally
{
    public const int ReportedRejections = 20;

    private readonly List<RejectedRow> _rejectedRows = [];

    public long Rejected { get; private set; }

    public IReadOnlyList<RejectedRow> RejectedRows => _rejectedRows;

    public long Valid { get; private set; }

    /// <summary>The valid candles of <paramref name="rows"/>, counting the rejected ones on the way.</summary>
    public async IAsyncEnumerable<Candles.Candle> ValidAsync(IAsyncEnumerable<CandleFileRow> rows)
    {
        await foreach (var row in rows)
        {
            if (!row.IsValid)
            {
                Rejected++;
                if (_rejectedRows.Count < ReportedRejections)
                {
                    _rejectedRows.Add(new RejectedRow(row.Row, row.Rejection));
                }
                continue;
            }
            Valid++;
            yield return row.Candle;
        }
    }
}
