namespace Platform.Engine.Data;

/// <summary>Bars missing after row <see cref="AfterIndex"/>: from <see cref="ExpectedOpenTime"/> up to, not including, <see cref="NextOpenTime"/>.</summary>
public sealed record CandleGap(int AfterIndex, long ExpectedOpenTime, long NextOpenTime, long MissingBars)
{
    internal static IReadOnlyList<CandleGap> Find(Interval interval, long[] openTime)
    {
        List<CandleGap> gaps = [];
        for (var i = 1; i < openTime.Length; i++)
        {
            var missing = interval.PeriodIndex(openTime[i]) - interval.PeriodIndex(openTime[i - 1]) - 1;
            if (missing > 0)
            {
                gaps.Add(new CandleGap(i - 1, interval.Next(openTime[i - 1]), openTime[i], missing));
            }
        }

        return gaps;
    }
}
