using Platform.Optimizations.WalkForward;

namespace Platform.Optimizations.Tests.WalkForward;

public sealed class StitchedEquityChainsTheWindows
{
    [Fact]
    public void EachSegmentIsRescaledToStartWhereThePreviousEnded()
    {
        EquitySegment[] segments =
        [
            new(new long[] { 0, 1, 2 }, new double[] { 100, 110, 120 }),
            new(new long[] { 3, 4 }, new double[] { 100, 90 }),
        ];

        var curve = EquityStitcher.Stitch(segments, initialCapital: 100);

        Assert.Equal([0L, 1, 2, 3, 4], curve.Select(point => point.Timestamp.ToUnixTimeMilliseconds()));
        Assert.Equal([100, 110, 120, 120, 108], curve.Select(point => point.Equity), new ToleranceComparer());
    }

    [Fact]
    public void OverlappingSegmentsGiveWayToTheNextWindow()
    {
        EquitySegment[] segments =
        [
            new(new long[] { 0, 1, 2, 3 }, new double[] { 100, 110, 120, 130 }),
            new(new long[] { 2, 3 }, new double[] { 100, 50 }),
        ];

        var curve = EquityStitcher.Stitch(segments, initialCapital: 100);

        Assert.Equal([0L, 1, 2, 3], curve.Select(point => point.Timestamp.ToUnixTimeMilliseconds()));
        Assert.Equal([100, 110, 110, 55], curve.Select(point => point.Equity), new ToleranceComparer());
    }

    [Fact]
    public void TheCurveStartsAtTheInitialCapitalAndIsContinuousAtEveryJoin()
    {
        var result = WalkForwardCase.Run(WalkForwardCase.Plan(new WindowSettings(4, 2, 2)));
        var curve = result.OosEquityCurve;

        Assert.Equal(WalkForwardCase.Settings.InitialCapital, curve[0].Equity);
        Assert.Equal(result.Windows.Sum(window => window.OosBars), curve.Count);
        foreach (var window in result.Windows.Skip(1))
        {
            var join = curve.Select((point, index) => (point, index)).Single(pair => pair.point.Timestamp == window.OosStart).index;
            Assert.Equal(curve[join - 1].Equity, curve[join].Equity, 9);
        }
        var compounded = result.Windows.Aggregate(WalkForwardCase.Settings.InitialCapital, (capital, window) => capital * (1 + window.OosMetrics.TotalReturn));
        Assert.Equal(compounded, curve[^1].Equity, 6);
    }

    [Fact]
    public void OverlappingWindowsStillGiveOneBarPerHour()
    {
        // Step 1 day, test 2 days: five windows whose tests overlap; the curve covers days 4 to 10 once.
        var result = WalkForwardCase.Run(WalkForwardCase.Plan(new WindowSettings(4, 2, 1)));

        var hours = result.OosEquityCurve.Select(point => (point.Timestamp - SyntheticCandles.Start).TotalHours).ToArray();
        Assert.Equal(5, result.Windows.Count);
        Assert.Equal(Enumerable.Range(96, 144).Select(hour => (double)hour), hours);
    }

    private sealed class ToleranceComparer : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) < 1e-9;

        public int GetHashCode(double obj) => 0;
    }
}
