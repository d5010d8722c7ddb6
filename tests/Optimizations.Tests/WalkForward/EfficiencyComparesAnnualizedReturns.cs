using Platform.Engine.Data;
using Platform.Optimizations.WalkForward;

namespace Platform.Optimizations.Tests.WalkForward;

public sealed class EfficiencyComparesAnnualizedReturns
{
    [Fact]
    public void ReturnsAreAnnualizedFromTheWindowLength()
    {
        // 4 % in 4 days is 3.65 a year; 1 % in 2 days is 1.825: the out-of-sample window kept half.
        var inSample = WalkForwardEfficiency.Annualize(0.04, 0, 4 * Interval.DayMs);
        var outOfSample = WalkForwardEfficiency.Annualize(0.01, 0, 2 * Interval.DayMs);

        Assert.Equal(3.65, inSample, 12);
        Assert.Equal(1.825, outOfSample, 12);
        Assert.Equal(0.5, WalkForwardEfficiency.Ratio(inSample, outOfSample)!.Value, 12);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    public void AnInSampleReturnThatIsNotPositiveHasNoEfficiency(double inSample)
    {
        Assert.Null(WalkForwardEfficiency.Ratio(inSample, -2));
    }

    [Fact]
    public void TheMeanSkipsWindowsWithoutEfficiency()
    {
        Assert.Equal(1.0, WalkForwardEfficiency.Mean([HandWindows.Make(0, efficiency: 0.5), HandWindows.Make(1, efficiency: null), HandWindows.Make(2, efficiency: 1.5)]));
        Assert.Null(WalkForwardEfficiency.Mean([HandWindows.Make(0, efficiency: null)]));
    }

    [Fact]
    public void TheRunnerAnnualizesEachWindowFromItsDates()
    {
        var result = WalkForwardCase.Run(WalkForwardCase.Plan(new WindowSettings(4, 2, 2)));

        Assert.All(result.Windows, window =>
        {
            Assert.Equal(window.IsMetrics.TotalReturn * 365 / 4, window.IsAnnualizedReturn, 9);
            Assert.Equal(window.OosMetrics.TotalReturn * 365 / 2, window.OosAnnualizedReturn, 9);
        });
        Assert.Equal(WalkForwardEfficiency.Mean(result.Windows), result.WalkForwardEfficiency);
    }
}
