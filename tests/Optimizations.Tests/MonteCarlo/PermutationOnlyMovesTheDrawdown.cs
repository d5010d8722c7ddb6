using Platform.Optimizations.MonteCarlo;

namespace Platform.Optimizations.Tests.MonteCarlo;

public sealed class PermutationOnlyMovesTheDrawdown
{
    private static readonly MonteCarloOptions Options = new() { Simulations = 2_000, Seed = 9, Method = MonteCarloMethod.Permutation };

    [Fact]
    public void EverySimulationEndsWithTheOriginalReturn()
    {
        var result = Simulation.Run(Simulation.Returns(250, seed: 4), Options);

        // Reordering a product changes only its rounding: the extremes of the histogram bound every simulation.
        var tolerance = 1e-9 * Math.Abs(result.OriginalReturn);
        Assert.Equal(result.OriginalReturn, result.ReturnHistogram.BinEdges[0], tolerance);
        Assert.Equal(result.OriginalReturn, result.ReturnHistogram.BinEdges[^1], tolerance);
        Assert.True(result.StdReturn < tolerance);
        Assert.Equal(100, result.OriginalPercentile);
    }

    [Fact]
    public void TheDrawdownsSpread()
    {
        var result = Simulation.Run(Simulation.Returns(250, seed: 4), Options);

        Assert.True(result.DrawdownPercentile5 < result.DrawdownMedian);
        Assert.True(result.DrawdownMedian < result.DrawdownPercentile95);
        Assert.True(result.DrawdownStd > 1);
    }

    [Fact]
    public void SkippingTradesMakesTheReturnVaryAgain()
    {
        var result = Simulation.Run(Simulation.Returns(250, seed: 4), Options with { SkipFraction = 0.2 });

        Assert.Equal(200, result.TradesPerSimulation);
        Assert.True(result.StdReturn > 1);
    }
}
