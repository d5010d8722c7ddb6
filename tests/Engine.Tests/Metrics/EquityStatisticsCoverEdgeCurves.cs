using Platform.Engine.Metrics;

namespace Platform.Engine.Tests.Metrics;

/// <summary>
/// The one-pass equity statistics on curves a backtest rarely produces but a Monte Carlo path or a walk-forward's stitched
/// curve can: one that falls from the first bar (the initial capital is the peak before it), one that reaches zero, and
/// none at all.
/// </summary>
public sealed class EquityStatisticsCoverEdgeCurves
{
    [Fact]
    public void ACurveFallingFromTheStartCountsItsDrawdownFromTheInitialCapital()
    {
        Span<double> drawdown = stackalloc double[3];

        var statistics = EquityStatistics.Compute([99, 98, 97], 100, 0, drawdown);

        Assert.Equal((3.0, 3), (statistics.MaxDrawdownAbs, statistics.MaxDrawdownBars));
        Assert.Equal(0.03, statistics.MaxDrawdownFraction, 12);
        Assert.Equal((0.0, 0.0), (statistics.MaxRunupAbs, statistics.MaxRunupFraction));
        Assert.Equal(new[] { 1.0, 2.0, 3.0 }, drawdown.ToArray().Select(value => Math.Round(value, 9)));
    }

    [Fact]
    public void ATroughAtZeroGivesARunUpInMoneyButNoFraction()
    {
        var statistics = EquityStatistics.Compute([50, 0, 40], 100, 0, []);

        Assert.Equal((40.0, 0.0), (statistics.MaxRunupAbs, statistics.MaxRunupFraction));
        Assert.Equal((100.0, 1.0, 3), (statistics.MaxDrawdownAbs, statistics.MaxDrawdownFraction, statistics.MaxDrawdownBars));
    }

    [Fact]
    public void NoEquityGivesZeroesRatherThanUndefinedValues()
    {
        var statistics = EquityStatistics.Compute([], 100, 0, []);

        Assert.Equal(new EquityStatistics(0, 0, 0, 0, 0, 0, 0, 0), statistics);
    }
}
