using Platform.Optimizations.WalkForward;

namespace Platform.Optimizations.Tests.WalkForward;

public sealed class PlanCutsWindowsAtHandComputedBoundaries
{
    private static WalkForwardPlan Plan(Engine.Data.CandleSeries candles, WindowSettings settings)
    {
        var errors = new Dictionary<string, string[]>();
        var plan = WalkForwardPlan.Create(candles, settings, errors);
        Assert.Empty(errors);
        return plan!;
    }

    private static (double IsStart, double IsEnd, double OosStart, double OosEnd) Days(PlannedWindow window) => (
        (window.IsStartMs - SyntheticCandles.Ms(0)) / (double)Engine.Data.Interval.DayMs,
        (window.IsEndMs - SyntheticCandles.Ms(0)) / (double)Engine.Data.Interval.DayMs,
        (window.OosStartMs - SyntheticCandles.Ms(0)) / (double)Engine.Data.Interval.DayMs,
        (window.OosEndMs - SyntheticCandles.Ms(0)) / (double)Engine.Data.Interval.DayMs);

    [Fact]
    public void RollingDaysSlideTheWholeWindowByTheStepUntilTheOutOfSampleEndPassesTheData()
    {
        // 10 days of hourly bars end where the last bar closes, day 10; a fourth window would end its test on day 12.
        var plan = Plan(SyntheticCandles.Hourly(10), new WindowSettings(4, 2, 2));

        Assert.Equal([(0.0, 4.0, 4.0, 6.0), (2.0, 6.0, 6.0, 8.0), (4.0, 8.0, 8.0, 10.0)], plan.Windows.Select(Days));
        Assert.Equal(
            [(new BarRange(0, 96), new BarRange(96, 144)), (new BarRange(48, 144), new BarRange(144, 192)), (new BarRange(96, 192), new BarRange(192, 240))],
            plan.Windows.Select(window => (window.IsBars, window.OosBars)));
        Assert.Equal([0, 1, 2], plan.Windows.Select(window => window.Index));
    }

    [Fact]
    public void AnchoredDaysKeepTheInSampleStartAtTheFirstCandle()
    {
        var plan = Plan(SyntheticCandles.Hourly(10), new WindowSettings(4, 2, 2, Mode: WindowMode.Anchored));

        Assert.Equal([(0.0, 4.0, 4.0, 6.0), (0.0, 6.0, 6.0, 8.0), (0.0, 8.0, 8.0, 10.0)], plan.Windows.Select(Days));
        Assert.Equal([new BarRange(0, 96), new BarRange(0, 144), new BarRange(0, 192)], plan.Windows.Select(window => window.IsBars));
    }

    [Fact]
    public void RollingBarsCountCandles()
    {
        // 20 hourly bars, train 8, test 4, step 3: test ends at bars 12, 15, 18; 21 would pass the 20 bars.
        var candles = SyntheticCandles.Hourly(1);
        var twenty = Engine.Data.CandleSeries.Create(
            candles.Interval, candles.OpenTime[..20], candles.Open[..20], candles.High[..20], candles.Low[..20], candles.Close[..20], candles.Volume[..20]).Series!;

        var plan = Plan(twenty, new WindowSettings(8, 4, 3, WindowUnit.Bars));

        Assert.Equal(
            [(new BarRange(0, 8), new BarRange(8, 12)), (new BarRange(3, 11), new BarRange(11, 15)), (new BarRange(6, 14), new BarRange(14, 18))],
            plan.Windows.Select(window => (window.IsBars, window.OosBars)));
        const double Hour = 1 / 24.0;
        Assert.Equal(
            [(0 * Hour, 8 * Hour, 8 * Hour, 12 * Hour), (3 * Hour, 11 * Hour, 11 * Hour, 15 * Hour), (6 * Hour, 14 * Hour, 14 * Hour, 18 * Hour)],
            plan.Windows.Select(Days),
            new TupleComparer());
    }

    [Fact]
    public void AnchoredBarsGrowTheInSampleWindowByTheStep()
    {
        var plan = Plan(SyntheticCandles.Hourly(1), new WindowSettings(10, 5, 4, WindowUnit.Bars, WindowMode.Anchored));

        // Test ends at 15, 19, 23; 27 passes the 24 bars.
        Assert.Equal(
            [(new BarRange(0, 10), new BarRange(10, 15)), (new BarRange(0, 14), new BarRange(14, 19)), (new BarRange(0, 18), new BarRange(18, 23))],
            plan.Windows.Select(window => (window.IsBars, window.OosBars)));
    }

    [Fact]
    public void DaysWindowsFollowTheClockAcrossAGapInTheData()
    {
        // Bars 100–109 are missing: the window times do not move, the bar ranges shrink around the gap.
        var plan = Plan(SyntheticCandles.Hourly(10, [.. Enumerable.Range(100, 10)]), new WindowSettings(4, 2, 2));

        Assert.Equal([(0.0, 4.0, 4.0, 6.0), (2.0, 6.0, 6.0, 8.0), (4.0, 8.0, 8.0, 10.0)], plan.Windows.Select(Days));
        Assert.Equal(
            [(new BarRange(0, 96), new BarRange(96, 134)), (new BarRange(48, 134), new BarRange(134, 182)), (new BarRange(96, 182), new BarRange(182, 230))],
            plan.Windows.Select(window => (window.IsBars, window.OosBars)));
    }

    [Fact]
    public void BarsWindowsEndWhereTheirLastBarCloses()
    {
        // Bars 10 and 11 are missing: bar index 10 opens at hour 12, so the in-sample window ends at hour 10 and the test starts at hour 12.
        var plan = Plan(SyntheticCandles.Hourly(1, 10, 11), new WindowSettings(10, 5, 5, WindowUnit.Bars));

        var first = plan.Windows[0];
        Assert.Equal(SyntheticCandles.Ms(10 / 24.0), first.IsEndMs);
        Assert.Equal(SyntheticCandles.Ms(12 / 24.0), first.OosStartMs);
        Assert.Equal(SyntheticCandles.Ms(17 / 24.0), first.OosEndMs);
    }

    private sealed class TupleComparer : IEqualityComparer<(double, double, double, double)>
    {
        public bool Equals((double, double, double, double) x, (double, double, double, double) y) =>
            Math.Abs(x.Item1 - y.Item1) < 1e-12 && Math.Abs(x.Item2 - y.Item2) < 1e-12 && Math.Abs(x.Item3 - y.Item3) < 1e-12 && Math.Abs(x.Item4 - y.Item4) < 1e-12;

        public int GetHashCode((double, double, double, double) obj) => 0;
    }
}
