using System.Text.Json;
using Platform.Engine.Data;
using Platform.MarketData.Bybit;
using Platform.MarketData.Candles;
using Platform.MarketData.WorkingSets;

namespace Platform.MarketData.Prime;

/// <summary>
/// Runs a claimed backfill: each interval page by page from its cursor, every page stored together with the job's new
/// cursor in one transaction (so a restart resumes after the last stored page), then refreshes the working sets.
/// </summary>
internal sealed class PrimeRunner(PrimeJobStore jobs, BybitClient bybit, WorkingSetLoader workingSets, CandleMetrics metrics)
{
    /// <summary>Returns the working-set length per interval, or null when another worker took the job over.</summary>
    public async Task<IReadOnlyDictionary<string, int>?> RunAsync(PrimeJob job, string owner, CancellationToken cancellationToken)
    {
        var cursors = JsonSerializer.Deserialize<Dictionary<string, PrimeRange>>(job.Cursors, PrimeJobStore.Json)!;
        foreach (var code in job.Intervals)
        {
            var interval = Interval.Parse(code);
            var range = cursors[code];
            while (!range.IsDone)
            {
                var pageLast = PrimePlan.PageLast(interval, range.Next, range.Last);
                var batch = await bybit.GetKlinesAsync(job.Symbol, interval, range.Next, pageLast, PrimePlan.PageBars, cancellationToken);
                var closed = batch.Candles.Where(candle => candle.IsClosed).Select(candle => candle.ToCandle()).ToList();
                range = range with { Next = interval.Next(pageLast) };
                if (!await StorePageAsync(job, owner, interval, closed, range, cancellationToken))
                {
                    return null;
                }
            }
        }

        var lengths = new Dictionary<string, int>();
        foreach (var code in job.Intervals)
        {
            lengths[code] = await workingSets.LoadFromStoreAsync(job.Symbol, Interval.Parse(code), cancellationToken);
        }
        await jobs.CompleteAsync(job.Id, owner, lengths, cancellationToken);
        return lengths;
    }

    private async Task<bool> StorePageAsync(
        PrimeJob job, string owner, Interval interval, List<Candle> page, PrimeRange remaining, CancellationToken cancellationToken)
    {
        await using var connection = await jobs.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var counts = (await CandleStore.UpsertAsync(connection, job.Symbol, interval, "bybit", page, cancellationToken)).Counts;
        if (!await PrimeJobStore.RecordPageAsync(connection, job.Id, owner, interval.Code, remaining, counts.Inserted + counts.Updated, cancellationToken))
        {
            return false;
        }
        await transaction.CommitAsync(cancellationToken);
        metrics.RecordStored("bybit", counts);
        return true;
    }
}
