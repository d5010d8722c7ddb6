using Platform.Engine.Data;
using Platform.MarketData.Markets;

namespace Platform.MarketData.Prime;

/// <summary>
/// The bars a backfill covers per interval: from <c>start</c> (or <c>load_limit</c> bars back) to the last bar that has
/// closed before <c>end</c> (or now). Pages hold at most 1000 bars, so their number is known before the first request.
/// </summary>
internal static class PrimePlan
{
    public const int PageBars = 1000;

    public static PrimeRange For(Interval interval, long? start, long end, int loadLimit)
    {
        var last = interval.Floor(end - 1);
        if (interval.Next(last) > end)
        {
            last = interval.PeriodStart(interval.PeriodIndex(last) - 1);
        }
        if (start is { } from)
        {
            return new PrimeRange(interval.IsAligned(from) ? from : interval.Next(from), last);
        }
        // load_limit bars back, but not before the first bar opening at or after the epoch (the one after the bar holding
        // the millisecond before it): no market is older, and a large load_limit of months would reach back millennia.
        var firstAfterEpoch = interval.PeriodIndex(interval.Next(TimeParameter.MinMs - 1));
        return new PrimeRange(interval.PeriodStart(Math.Max(interval.PeriodIndex(last) - loadLimit + 1, firstAfterEpoch)), last);
    }

    public static long Bars(Interval interval, PrimeRange range) =>
        range.IsDone ? 0 : interval.PeriodIndex(range.Last) - interval.PeriodIndex(range.Next) + 1;

    public static int Pages(Interval interval, PrimeRange range) => (int)((Bars(interval, range) + PageBars - 1) / PageBars);

    /// <summary>Open time of the last bar of the page that starts at <paramref name="next"/>.</summary>
    public static long PageLast(Interval interval, long next, long last) =>
        Math.Min(interval.PeriodStart(interval.PeriodIndex(next) + PageBars - 1), last);
}
