using Platform.Engine.Data;
using Microsoft.Extensions.Options;
using Platform.MarketData.Bybit;

namespace Platform.MarketData.Candles;

/// <summary>
/// Fills the bars of a range that the store lacks from Bybit before a read: every missing stretch is paged backwards from
/// its end, 1000 bars a request, and stops early when Bybit has nothing older (before the symbol was listed). Its callers
/// hold a worker or a request, so Bybit is asked to fail fast, and an outage ends the read at once with a
/// <see cref="CandleGapException"/> naming what is missing (docs/bybit.md, 4.3).
/// </summary>
internal sealed class CandleBackfill(CandleStore store, BybitClient bybit, BybitCircuit circuit, IOptions<BybitResilienceOptions> options, TimeProvider time)
{
    private const int PageBars = 1000;

    /// <summary>Fetches and stores what is missing of [<paramref name="start"/>, <paramref name="end"/>); returns the candles stored.</summary>
    public async Task<long> FillAsync(string symbol, Interval interval, long start, long end, CancellationToken cancellationToken)
    {
        var closedBy = Math.Min(end, time.GetUtcNow().ToUnixTimeMilliseconds());
        var (first, last) = ClosedBars(interval, start, closedBy);
        if (first > last)
        {
            return 0;
        }
        // Stored open times are aligned and unique, so a full count means nothing is missing: counting a million bars costs
        // half of reading their open times, and a range read again and again is usually whole.
        if (await store.CountAsync(symbol, interval, first, interval.Next(last), cancellationToken) == ClosedBarCount(interval, start, closedBy))
        {
            return 0;
        }
        var stored = await store.GetOpenTimesAsync(symbol, interval, first, interval.Next(last), cancellationToken);
        long written = 0;
        foreach (var (gapFirst, gapLast) in MissingStretches(interval, stored, first, last))
        {
            written += await FillStretchAsync(symbol, interval, gapFirst, gapLast, cancellationToken);
        }
        return written;
    }

    /// <summary>How many bars open at or after <paramref name="start"/> and close by <paramref name="end"/>.</summary>
    public static long ClosedBarCount(Interval interval, long start, long end)
    {
        var (first, last) = ClosedBars(interval, start, end);
        return first > last ? 0 : interval.PeriodIndex(last) - interval.PeriodIndex(first) + 1;
    }

    /// <summary>Open times of the first bar at or after <paramref name="start"/> and of the last bar closed by <paramref name="end"/>.</summary>
    public static (long First, long Last) ClosedBars(Interval interval, long start, long end)
    {
        var first = interval.IsAligned(start) ? start : interval.Next(start);
        var last = interval.Floor(end - 1);
        if (interval.Next(last) > end)
        {
            last = interval.PeriodStart(interval.PeriodIndex(last) - 1);
        }
        return (first, last);
    }

    /// <summary>Stretches of bars (first and last open time, inclusive) between <paramref name="first"/> and <paramref name="last"/> absent from <paramref name="stored"/>.</summary>
    public static IEnumerable<(long First, long Last)> MissingStretches(Interval interval, IReadOnlyList<long> stored, long first, long last)
    {
        var expected = first;
        foreach (var openTime in stored)
        {
            if (openTime > expected)
            {
                yield return (expected, interval.PeriodStart(interval.PeriodIndex(openTime) - 1));
            }
            expected = interval.Next(openTime);
        }
        if (expected <= last)
        {
            yield return (expected, last);
        }
    }

    private async Task<long> FillStretchAsync(string symbol, Interval interval, long first, long last, CancellationToken cancellationToken)
    {
        long written = 0;
        var pageLast = last;
        while (pageLast >= first)
        {
            var pageFirst = Math.Max(first, interval.PeriodStart(interval.PeriodIndex(pageLast) - PageBars + 1));
            KlineBatch batch;
            try
            {
                batch = await bybit.GetKlinesAsync(symbol, interval, pageFirst, pageLast, PageBars, cancellationToken, failFast: true);
            }
            catch (BybitException exception) when (!exception.IsPermanent)
            {
                var retryAfter = exception.RetryAfter ?? (exception.ResetAt is { } reset ? reset - time.GetUtcNow() : circuit.RetryAfter);
                throw new CandleGapException(
                    symbol, interval.Code, first, pageLast, retryAfter > TimeSpan.Zero ? retryAfter : options.Value.FailFastRetryAfter, exception);
            }
            var closed = batch.Candles.Where(candle => candle.IsClosed).Select(candle => candle.ToCandle()).ToList();
            if (closed.Count == 0)
            {
                break;
            }
            var counts = await store.UpsertAsync(symbol, interval, "bybit", closed, cancellationToken);
            written += counts.Inserted + counts.Updated;
            pageLast = interval.PeriodStart(interval.PeriodIndex(pageFirst) - 1);
        }
        return written;
    }
}
