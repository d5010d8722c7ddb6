using Platform.Optimizations.MonteCarlo;

namespace Platform.Optimizations.Tests.MonteCarlo;

public sealed class EqualTradesHaveNoSpread
{
    [Theory]
    [InlineData(0.01)]
    [InlineData(-0.02)]
    public void EveryReturnStatisticIsTheOriginal(double tradeReturn)
    {
        var result = Simulation.Run(Enumerable.Repeat(tradeReturn, 50).ToArray(), new MonteCarloOptions { Simulations = 300, Seed = 7 });

        Assert.Equal((Math.Pow(1 + tradeReturn, 50) - 1) * 100, result.OriginalReturn, 9);
        Assert.Equal(0, result.StdReturn);
        Assert.All(
            [result.MeanReturn, result.MedianReturn, result.Percentile5, result.Percentile25, result.Percentile75, result.Percentile95,
                result.ConfidenceInterval.Lower, result.ConfidenceInterval.Upper],
            value => Assert.Equal(result.OriginalReturn, value));
        Assert.Equal(100, result.OriginalPercentile);
        Assert.Equal(tradeReturn > 0 ? 1 : 0, result.ProbProfit);
    }

    [Theory]
    [InlineData(0.01, 0)]
    [InlineData(-0.02, 63.58303199128832)]
    public void EveryDrawdownIsTheOriginal(double tradeReturn, double drawdown)
    {
        // A steady loss falls from the start: 1 − 0.98⁵⁰ = 63.583… %; a steady gain never falls.
        var result = Simulation.Run(Enumerable.Repeat(tradeReturn, 50).ToArray(), new MonteCarloOptions { Simulations = 300, Seed = 7 });

        Assert.Equal(drawdown, result.OriginalDrawdown, 9);
        Assert.Equal(0, result.DrawdownStd);
        Assert.All(
            [result.DrawdownMean, result.DrawdownMedian, result.DrawdownPercentile5, result.DrawdownPercentile25, result.DrawdownPercentile75, result.DrawdownPercentile95],
            value => Assert.Equal(result.OriginalDrawdown, value));
    }

    [Fact]
    public void BootstrapAndPermutationAgree()
    {
        var returns = Enumerable.Repeat(0.004, 80).ToArray();
        var options = new MonteCarloOptions { Simulations = 200, Seed = 3 };

        var bootstrap = Simulation.Run(returns, options);
        var permutation = Simulation.Run(returns, options with { Method = MonteCarloMethod.Permutation });

        Assert.Equal(Simulation.ToJson(bootstrap with { Method = MonteCarloMethod.Permutation }), Simulation.ToJson(permutation));
    }

    [Fact]
    public void TheHistogramSpansTheSingleValuePlusOrMinusAHalf()
    {
        var result = Simulation.Run(Enumerable.Repeat(0.01, 10).ToArray(), new MonteCarloOptions { Simulations = 100, Seed = 1, HistogramBins = 5 });

        Assert.Equal(6, result.ReturnHistogram.BinEdges.Count);
        Assert.Equal(result.OriginalReturn - 0.5, result.ReturnHistogram.BinEdges[0], 12);
        Assert.Equal(result.OriginalReturn + 0.5, result.ReturnHistogram.BinEdges[^1], 12);
        Assert.Equal([0, 0, 100, 0, 0], result.ReturnHistogram.Counts);
    }
}
