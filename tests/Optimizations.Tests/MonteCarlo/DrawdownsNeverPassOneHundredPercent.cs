using Platform.Optimizations.MonteCarlo;

namespace Platform.Optimizations.Tests.MonteCarlo;

public sealed class DrawdownsNeverPassOneHundredPercent
{
    private static readonly double[] Ruinous = [0.5, -1, 0.2, -1.5, 0.1, -0.3, 0.8];

    [Theory]
    [InlineData("bootstrap")]
    [InlineData("permutation")]
    public void LossesOfAllOrMoreStopAtZeroEquity(string method)
    {
        // Five of the seven trades per path: some paths miss both wipe-outs, most hit one.
        var result = Simulation.Run(Ruinous, new MonteCarloOptions { Simulations = 5_000, Seed = 2, Method = Enum.Parse<MonteCarloMethod>(method, ignoreCase: true), SkipFraction = 0.3 });

        Assert.Equal(5, result.TradesPerSimulation);
        Assert.Equal(100, result.DrawdownHistogram.BinEdges[^1]);
        Assert.Equal(-100, result.ReturnHistogram.BinEdges[0]);
        Assert.Equal(100, result.DrawdownPercentile95);
        Assert.True(result.DrawdownHistogram.BinEdges[0] < 100);
    }

    [Fact]
    public void AWipedOutHistoryStaysAtZero()
    {
        var result = Simulation.Run(Ruinous, new MonteCarloOptions { Simulations = 100, Seed = 2 });

        Assert.Equal(-100, result.OriginalReturn);
        Assert.Equal(100, result.OriginalDrawdown);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void HoldsForAnyMixOfHeavyLosses(int seed)
    {
        var random = new Random(seed);
        double[] returns = [.. Enumerable.Range(0, 37).Select(_ => random.NextDouble() * 1.2 - 0.6), -1, -1.2, -3];

        var result = Simulation.Run(returns, new MonteCarloOptions { Simulations = 2_000, Seed = seed, SlippageBps = 50 });

        // The histogram's outer edges are the sample's extremes: the deepest drawdown and the lowest return.
        Assert.Equal(100, result.DrawdownHistogram.BinEdges[^1]);
        Assert.Equal(-100, result.ReturnHistogram.BinEdges[0]);
        Assert.InRange(result.OriginalDrawdown, 0, 100);
        Assert.True(result.OriginalReturn >= -100);
    }
}
