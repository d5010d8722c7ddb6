using Platform.Optimizations.MonteCarlo;

namespace Platform.Optimizations.Tests.MonteCarlo;

public sealed class ProbabilityOfRuinMatchesHandCount
{
    [Theory]
    [InlineData(25, 1)]
    [InlineData(35, 0)]
    public void BothOrdersOfTwoTradesFallThirtyPercent(double threshold, double probability)
    {
        // +50 % then −30 %: peak 1.5, end 1.05, a 30 % fall. −30 % then +50 %: 0.7 from the start, 30 % again.
        var result = Simulation.Run([0.5, -0.3], new MonteCarloOptions { Simulations = 100, Seed = 1, Method = MonteCarloMethod.Permutation, RuinThreshold = threshold });

        Assert.Equal(probability, result.ProbRuin);
        Assert.Equal(30, result.DrawdownMedian, 9);
    }

    [Theory]
    [InlineData(25, 0.75)]
    [InlineData(40, 0.25)]
    [InlineData(60, 0)]
    public void FourEquallyLikelyBootstrapPaths(double threshold, double probability)
    {
        // Two draws from {+10 %, −30 %}: ++ falls 0 %, +− and −+ fall 30 % (to 0.77 of the peak 1.1, or to 0.7 of 1),
        // −− falls 51 %. Only ++ ends in profit (+21 %); the others end at −23 % or −51 %.
        var result = Simulation.Run([0.1, -0.3], new MonteCarloOptions { Simulations = 200_000, Seed = 8, RuinThreshold = threshold });

        // 200 000 draws put the standard error of a share near 0.001; the tolerance is six of them.
        Assert.Equal(probability, result.ProbRuin, 0.006);
        Assert.Equal(0.25, result.ProbProfit, 0.006);
    }
}
