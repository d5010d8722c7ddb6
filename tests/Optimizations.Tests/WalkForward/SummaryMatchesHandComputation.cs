using Platform.Optimizations.WalkForward;

namespace Platform.Optimizations.Tests.WalkForward;

public sealed class SummaryMatchesHandComputation
{
    [Fact]
    public void FourWindows()
    {
        WalkForwardWindow[] windows =
        [
            HandWindows.Make(0, oosProfit: 100, oosTrades: 2, oosScore: 1.0),
            HandWindows.Make(1, oosProfit: -50, oosTrades: 1, oosScore: -0.5),
            HandWindows.Make(2, oosProfit: 10, oosTrades: 0, oosScore: 0.2),
            HandWindows.Make(3, oosProfit: 20, oosTrades: 3, oosScore: 0.4),
        ];

        var summary = WalkForwardSummary.Compute(windows, "sharpe_ratio");

        // Profits 100, -50, 10, 20: mean 20, median (10 + 20) / 2, deviations 80, -70, -10, 0 → variance 11400 / 4 = 2850.
        Assert.Equal((4, 3, 0.75, 6, 1.5), (summary.TotalWindows, summary.PositiveWindows, summary.PositiveWindowRate, summary.TotalOosTrades, summary.AverageOosTrades));
        Assert.Equal(80, summary.TotalOosProfit, 9);
        Assert.Equal(20, summary.AverageOosProfit, 9);
        Assert.Equal(15, summary.MedianOosProfit, 9);
        Assert.Equal(Math.Sqrt(2850), summary.StdOosProfit, 9);
        Assert.Equal(0.275, summary.AverageOosMetric!.Value, 9);
        Assert.Equal(0.3, summary.MedianOosMetric!.Value, 9);
        Assert.Equal(["average_oos_sharpe_ratio", "median_oos_sharpe_ratio"], summary.MetricFields.Keys.Order());
    }

    [Fact]
    public void WindowsWithoutAMetricValueAreLeftOutOfItsAverage()
    {
        var summary = WalkForwardSummary.Compute([HandWindows.Make(0, oosScore: 2), HandWindows.Make(1, oosScore: null)], "profit_factor");

        Assert.Equal((2.0, 2.0), (summary.AverageOosMetric, summary.MedianOosMetric));
    }

    [Fact]
    public void NoWindowsGiveZeros()
    {
        var summary = WalkForwardSummary.Compute([], "sharpe_ratio");

        Assert.Equal(new WalkForwardSummary(0, 0, 0, 0, 0, 0, 0, 0, 0, "sharpe_ratio", null, null), summary);
    }
}
