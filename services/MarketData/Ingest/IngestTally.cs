using System.Runtime.CompilerServices;
using Platform.MarketData.Candles;

namespace Platform.MarketData.Ingest;

/// <summary>Counts the rows of an ingest as they stream past, passing only valid candles on to the store.</summary>
internal sealed class IngestTally
{
    public const int ReportedRejections = 20;

    private readonly List<RejectedRow> _rejectedRows = [];

    public long Rejected { get; private set; }

    public IReadOnlyList<RejectedRow> RejectedRows => _rejectedRows;

    public long Valid { get; private set; }

    /// <summary>
    /// The valid candles of each batch of <paramref name="batches"/>, counting the rejected ones on the way; the memory of a
    /// batch of candles is reused for the next one.
    /// </summary>
    public async IAsyncEnumerable<ReadOnlyMemory<Candle>> ValidAsync(IAsyncEnumerable<ReadOnlyMemory<CandleFileRow>> batches)
    {
        var valid = new Candle[CandleFile.BatchRows];
        await foreach (var batch in batches)
        {
            var count = TallyBatch(batch.Span, valid);
            if (count > 0)
            {
                yield return valid.AsMemory(0, count);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int TallyBatch(ReadOnlySpan<CandleFileRow> rows, Candle[] valid)
    {
        var count = 0;
        foreach (ref readonly var row in rows)
        {
            if (row.IsValid)
            {
                valid[count++] = row.Candle;
                continue;
            }
            Rejected++;
            if (_rejectedRows.Count < ReportedRejections)
            {
                _rejectedRows.Add(new RejectedRow(row.Row, row.Rejection));
            }
        }
        Valid += count;
        return count;
    }
}
