namespace Platform.MarketData.Ingest;

/// <summary>Counts the rows of an ingest as they stream past and keeps the valid candles for the store.</summary>
internal sealed class IngestTally
{
    public const int ReportedRejections = 20;

    private readonly List<RejectedRow> _rejectedRows = [];

    public long Valid => Candles.Count;

    public long Rejected { get; private set; }

    public IReadOnlyList<RejectedRow> RejectedRows => _rejectedRows;

    public List<Candles.Candle> Candles { get; } = [];

    public async Task ReadAsync(IAsyncEnumerable<CandleFileRow> rows)
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
            Candles.Add(row.Candle);
        }
    }
}
