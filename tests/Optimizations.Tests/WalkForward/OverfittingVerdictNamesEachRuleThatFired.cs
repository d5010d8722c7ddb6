using Platform.Optimizations.WalkForward;

namespace Platform.Optimizations.Tests.WalkForward;

public sealed class OverfittingVerdictNamesEachRuleThatFired
{
    private static OverfittingVerdict Assess(WalkForwardWindow[] windows, double? efficiency)
    {
        var stability = ParameterStability.Compute(windows, ["fast"]);
        return OverfittingVerdict.Assess(windows, WalkForwardSummary.Compute(windows, "sharpe_ratio"), efficiency, stability);
    }

    private static IReadOnlyDictionary<string, object> Fast(int value) => new Dictionary<string, object> { ["fast"] = value };

    [Fact]
    public void AStableProfitableRunIsNotFlagged()
    {
        var verdict = Assess([HandWindows.Make(0, oosProfit: 10, bestParams: Fast(5)), HandWindows.Make(1, oosProfit: 5, bestParams: Fast(6))], efficiency: 0.9);

        Assert.Equal((false, 0), (verdict.Likely, verdict.Reasons.Count));
    }

    [Fact]
    public void EverySymptomGivesItsReason()
    {
        // Efficiency 0.2; one profitable window of four; fast 2, 2, 2, 20 (mean 6.5, std 7.79, CV 1.2); Sharpe 2 in-sample, 0.5 out.
        WalkForwardWindow[] windows =
        [
            HandWindows.Make(0, oosProfit: 10, isSharpe: 2, oosSharpe: 0.5, bestParams: Fast(2)),
            HandWindows.Make(1, oosProfit: -10, isSharpe: 2, oosSharpe: 0.5, bestParams: Fast(2)),
            HandWindows.Make(2, oosProfit: -10, isSharpe: 2, oosSharpe: 0.5, bestParams: Fast(2)),
            HandWindows.Make(3, oosProfit: -10, isSharpe: 2, oosSharpe: 0.5, bestParams: Fast(20)),
        ];

        var verdict = Assess(windows, efficiency: 0.2);

        Assert.True(verdict.Likely);
        Assert.Collection(
            verdict.Reasons,
            reason => Assert.StartsWith("walk-forward efficiency 0.2 is below 0.5", reason, StringComparison.Ordinal),
            reason => Assert.StartsWith("only 1 of 4 windows were profitable out of sample", reason, StringComparison.Ordinal),
            reason => Assert.StartsWith("parameter fast is unstable across windows: coefficient of variation 1.199", reason, StringComparison.Ordinal),
            reason => Assert.Equal("average out-of-sample Sharpe 0.5 is below 0.5 × the in-sample 2", reason));
    }

    [Fact]
    public void NoWindowsNoVerdict()
    {
        var verdict = Assess([], efficiency: null);

        Assert.Equal((false, 0), (verdict.Likely, verdict.Reasons.Count));
    }
}
