using Platform.Engine.Metrics;

namespace Platform.Engine.Tests.Metrics;

/// <summary>
/// The one-pass equity statistics on curves a backtest rarely produces but a Monte Carlo path or a walk-forward's stitched
/// curve can: one that falls from the first bar (the initial capital is the peak before it), one that reaches zero, and
/// none at all; and long curves, which are read in vector steps.
/// </summary>
public sealed class EquityStatisticsCoverEdgeCurves
{
    [Fact]
    public void ACurveFallingFromTheStartCountsItsDrawdownFromTheInitialCapital()
    {
        var statistics = EquityStatistics.Compute([99, 98, 97], 100, 0);
        var drawdown = EquityStatistics.DrawdownPct([99, 98, 97], 100);

        Assert.Equal((3.0, 3), (statistics.MaxDrawdownAbs, statistics.MaxDrawdownBars));
        Assert.Equal(0.03, statistics.MaxDrawdownFraction, 12);
        Assert.Equal((0.0, 0.0), (statistics.MaxRunupAbs, statistics.MaxRunupFraction));
        Assert.Equal(new[] { 1.0, 2.0, 3.0 }, drawdown.Select(value => Math.Round(value, 9)));
    }

    [Fact]
    public void ATroughAtZeroGivesARunUpInMoneyButNoFraction()
    {
        var statistics = EquityStatistics.Compute([50, 0, 40], 100, 0);

        Assert.Equal((40.0, 0.0), (statistics.MaxRunupAbs, statistics.MaxRunupFraction));
        Assert.Equal((100.0, 1.0, 3), (statistics.MaxDrawdownAbs, statistics.MaxDrawdownFraction, statistics.MaxDrawdownBars));
    }

    [Fact]
    public void NoEquityGivesZeroesRatherThanUndefinedValues()
    {
        var statistics = EquityStatistics.Compute([], 100, 0);

        Assert.Equal(new EquityStatistics(0, 0, 0, 0, 0, 0, 0, 0), statistics);
    }

    public static TheoryData<string, double[]> LongCurves => new()
    {
        { "random walk", Walk(10_003, seed: 5) },
        { "flat at its peak, then below it", [.. Enumerable.Repeat(100.0, 4).Concat(Enumerable.Range(1, 50).Select(i => 100.0 + i)).Concat(Enumerable.Repeat(150.0, 37)).Concat(Enumerable.Repeat(120.0, 45)).Concat(Walk(101, seed: 2))] },
        { "constant", [.. Enumerable.Repeat(100.0, 64)] },
        { "rising", [.. Enumerable.Range(0, 67).Select(i => 100.0 + i * 0.5)] },
        { "falling to zero", [.. Enumerable.Range(0, 40).Select(i => Math.Max(0, 100.0 - i * 3)), .. Enumerable.Repeat(0.0, 9), 1, 2] },
    };

    /// <summary>
    /// Long curves go eight bars at a time where no bar makes a new peak or trough, and their returns four at a time; the
    /// drawdown and run-up must equal a bar-by-bar reading exactly, and the return statistics agree to rounding.
    /// </summary>
    [Theory]
    [MemberData(nameof(LongCurves))]
    public void LongCurvesGiveWhatABarByBarReadingGives(string curve, double[] equity)
    {
        const double Capital = 100;
        var statistics = EquityStatistics.Compute(equity, Capital, 0.0001);

        double peak = Capital, trough = Capital, maxDrawdown = 0, maxFraction = 0, maxRunup = 0, maxRunupFraction = 0;
        double sum = 0, squares = 0, downside = 0, previous = Capital;
        int peakBar = -1, longest = 0;
        for (var i = 0; i < equity.Length; i++)
        {
            (peak, peakBar) = equity[i] >= peak ? (equity[i], i) : (peak, peakBar);
            trough = Math.Min(trough, equity[i]);
            maxDrawdown = Math.Max(maxDrawdown, peak - equity[i]);
            maxFraction = Math.Max(maxFraction, peak > 0 ? (peak - equity[i]) * (1 / peak) : 0);
            longest = Math.Max(longest, i - peakBar);
            maxRunup = Math.Max(maxRunup, equity[i] - trough);
            maxRunupFraction = Math.Max(maxRunupFraction, trough > 0 ? (equity[i] - trough) * (1 / trough) : 0);
            var excess = (previous > 0 ? equity[i] / previous - 1 : 0) - 0.0001;
            (sum, squares, downside, previous) = (sum + excess, squares + excess * excess, downside + Math.Pow(Math.Min(excess, 0), 2), equity[i]);
        }

        Assert.True(
            (maxDrawdown, maxFraction, longest, maxRunup, maxRunupFraction)
                == (statistics.MaxDrawdownAbs, statistics.MaxDrawdownFraction, statistics.MaxDrawdownBars, statistics.MaxRunupAbs, statistics.MaxRunupFraction),
            $"{curve}: {statistics}");
        var mean = sum / equity.Length;
        Assert.Equal(mean, statistics.MeanExcessReturn, 1e-15);
        Assert.Equal(Math.Sqrt(Math.Max(0, (squares - sum * mean) / (equity.Length - 1))), statistics.ReturnStdDev, 1e-12);
        Assert.Equal(Math.Sqrt(downside / equity.Length), statistics.DownsideDeviation, 1e-12);
    }

    private static double[] Walk(int count, int seed)
    {
        var random = new Random(seed);
        var value = 100.0;
        return [.. Enumerable.Range(0, count).Select(_ => value *= 1 + (random.NextDouble() - 0.5) * 0.02)];
    }
}
