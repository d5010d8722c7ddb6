using Platform.Engine.Backtesting;
using Platform.Optimizations.Objectives;
using Platform.Optimizations.WalkForward;

namespace Platform.Optimizations.Tests.WalkForward;

public sealed class RunnerPicksTheBestInSampleCombinationPerWindow
{
    public static TheoryData<string, bool, int?> Objectives => new()
    {
        { "sharpe_ratio", true, null },
        { "max_drawdown", false, 1 },
        { "total_return", true, 2 },
    };

    [Theory]
    [MemberData(nameof(Objectives))]
    public void BestParamsEqualAnExhaustiveLoopOverTheBacktester(string metric, bool maximize, int? minTrades)
    {
        var objective = new Objective(metric, maximize, new ObjectiveConstraints(MinTrades: minTrades));
        var plan = WalkForwardCase.Plan(new WindowSettings(4, 2, 2));

        var result = WalkForwardCase.Run(plan, objective);

        Assert.Equal(plan.Windows.Select(window => window.Index), result.Windows.Select(window => window.WindowId));
        foreach (var (window, planned) in result.Windows.Zip(plan.Windows))
        {
            var inSample = SyntheticCandles.Slice(WalkForwardCase.Candles, planned.IsBars);
            var expected = WalkForwardCase.Combinations
                .Select(spec => (Spec: spec, Score: objective.Score(Backtester.Run(inSample, spec, WalkForwardCase.Settings).Metrics)))
                .Where(run => run.Score is not null)
                .OrderBy(run => maximize ? -run.Score : run.Score)
                .ThenBy(run => run.Spec.Parameters.ToString(), StringComparer.Ordinal)
                .First();
            var outOfSample = Backtester.Run(SyntheticCandles.Slice(WalkForwardCase.Candles, planned.OosBars), expected.Spec, WalkForwardCase.Settings);

            Assert.Equal(expected.Spec.Parameters.Values, window.BestParams);
            Assert.Equal(expected.Score, window.IsScore);
            Assert.Equal(WindowMetrics.From(outOfSample.Metrics), window.OosMetrics);
        }
    }

    [Fact]
    public void TheWavesMakeDifferentParametersWinInDifferentWindows()
    {
        var result = WalkForwardCase.Run(WalkForwardCase.Plan(new WindowSettings(2, 1, 1)));

        Assert.True(result.Windows.Select(window => string.Join(',', window.BestParams)).Distinct().Count() > 1);
    }

    [Fact]
    public void WindowsWhereNothingScoresAreSkipped()
    {
        var impossible = new Objective("sharpe_ratio", true, new ObjectiveConstraints(MinTrades: 10_000));
        var plan = WalkForwardCase.Plan(new WindowSettings(4, 2, 2));

        var result = WalkForwardCase.Run(plan, impossible);

        Assert.Empty(result.Windows);
        Assert.Equal([0, 1, 2], result.SkippedWindows.Select(window => window.WindowId));
        Assert.All(result.SkippedWindows, window => Assert.StartsWith("no combination scored in-sample", window.Reason, StringComparison.Ordinal));
        Assert.Equal((3, 0), (result.Config.TotalWindows, result.Config.SuccessfulWindows));
        Assert.Empty(result.OosEquityCurve);
        Assert.False(result.Overfitting.Likely);
        Assert.Empty(result.Overfitting.Reasons);
    }
}
