using Platform.Engine.Data;
using Platform.Engine.Tests.Support;

namespace Platform.Engine.Tests.Data;

public sealed class GapsAreReportedNotFilled
{
    private static readonly (double, double, double, double) Row = (10, 11, 9, 10);

    [Fact]
    public void ContiguousBarsHaveNoGaps() => Assert.Empty(Bars.Flat(1, 2, 3, 4).Gaps);

    [Fact]
    public void MissingMinutesAreCountedAndKeptOut()
    {
        var series = Bars.Create(Bars.Minute, [Bars.Start, Bars.Start + 60_000, Bars.Start + 4 * 60_000], [Row, Row, Row]);

        var gap = Assert.Single(series.Gaps);
        Assert.Equal(new CandleGap(1, Bars.Start + 120_000, Bars.Start + 240_000, 2), gap);
        Assert.Equal(3, series.Count);
        Assert.Same(series.Gaps, series.Gaps);
    }

    [Fact]
    public void MonthlyGapsFollowTheCalendar()
    {
        var month = Interval.Parse("M");
        long jan = Bars.Start, feb = month.Next(jan), may = month.Next(month.Next(month.Next(feb)));
        var series = Bars.Create(month, [jan, feb, may], [Row, Row, Row]);

        var gap = Assert.Single(series.Gaps);
        Assert.Equal(2, gap.MissingBars);
        Assert.Equal(month.Next(feb), gap.ExpectedOpenTime);
        Assert.Equal(may, gap.NextOpenTime);
    }
}
