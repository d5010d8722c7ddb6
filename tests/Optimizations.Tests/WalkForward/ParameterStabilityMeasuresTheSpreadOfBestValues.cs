using Platform.Optimizations.WalkForward;

namespace Platform.Optimizations.Tests.WalkForward;

public sealed class ParameterStabilityMeasuresTheSpreadOfBestValues
{
    private static WalkForwardWindow[] Windows(params (int Fast, string Source)[] best) =>
        [.. best.Select((values, index) => HandWindows.Make(index, bestParams: new Dictionary<string, object> { ["fast"] = values.Fast, ["source"] = values.Source, ["slow"] = 20 }))];

    [Fact]
    public void NumbersGetMeanSpreadAndTheShareOfTheMostCommonValue()
    {
        var stability = ParameterStability.Compute(Windows((5, "close"), (5, "close"), (10, "open"), (5, "open")), ["fast"]);

        // 5, 5, 10, 5: mean 6.25; deviations -1.25 (× 3) and 3.75 → variance 18.75 / 4; 5 in three windows of four.
        var fast = Assert.Single(stability).Value;
        Assert.Equal(6.25, fast.Mean!.Value, 12);
        Assert.Equal(Math.Sqrt(18.75 / 4), fast.Std!.Value, 12);
        Assert.Equal(Math.Sqrt(18.75 / 4) / 6.25, fast.CoefficientOfVariation!.Value, 12);
        Assert.Equal((5, 0.75), ((int)fast.MostCommonValue, fast.MostCommonShare));
    }

    [Fact]
    public void TextHasOnlyTheMostCommonValueAndTiesGoToTheFirstText()
    {
        var stability = ParameterStability.Compute(Windows((3, "open"), (7, "close")), ["fast", "source"]);

        Assert.Equal(new ParameterStability(null, null, null, "close", 0.5), stability["source"]);
        Assert.Equal((3, 0.5), ((int)stability["fast"].MostCommonValue, stability["fast"].MostCommonShare));
    }

    [Fact]
    public void TheRunnerReportsOnlyTheParametersTheGridVaries()
    {
        var result = WalkForwardCase.Run(WalkForwardCase.Plan(new WindowSettings(4, 2, 2)));

        Assert.Equal(["fast", "slow"], result.ParameterStability.Keys);
        var fast = result.Windows.Select(window => (double)(int)window.BestParams["fast"]).ToArray();
        Assert.Equal(fast.Average(), result.ParameterStability["fast"].Mean!.Value, 12);
    }
}
