namespace Platform.MarketData.Ingest;

/// <summary>Counts the rows of an ingest as they stream past, passing only valid candles on to the store.</summary>
internal sealed class IngestTally
{
    public const int ReportedRejections = 20;

    private readonly List<RejectedRow> _rejectedRows = [];

    public long Valid { get; private set; }

    public long Rejected { get; private set; }

    public long? EarliestMs { get; private set; }

    public long? LatestMs { get; private set; }

    public IReadOnlyList<RejectedRow> RejectedRows => _rejectedRows;

    public async IAsyncEnumerable<Candles.Candle> FilterAsync(IAsyncEnumerable<CandleFileRow> rows)
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
            var openTime = row.Candle.OpenTime;
            EarliestMs = EarliestMs is { } earliest && earliest <= openTime ? earliest : openTime;
            LatestMs = LatestMs is { } latest && latest >= openTime ? latest : openTime;
            yield return row.Candle;
        }
    }
}
