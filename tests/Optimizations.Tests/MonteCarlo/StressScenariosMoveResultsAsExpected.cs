using Platform.Optimizations.MonteCarlo;

namespace Platform.Optimizations.Tests.MonteCarlo;

public sealed class StressScenariosMoveResultsAsExpected
{
    private static readonly double[] Returns = Simulation.Returns(200, seed: 21);
    private static readonly double[] Commissions = [.. Enumerable.Repeat(0.0011, 200)];
    private static readonly MonteCarloOptions Options = new() { Simulations = 2_000, Seed = 17 };

    [Fact]
    public void MoreFeesLowerTheMean()
    {
        var trades = new TradeReturns(Returns, Commissions);

        var means = new[] { 0.0, 1, 3 }.Select(k => Simulation.Run(trades, Options with { FeeMultiplier = k }).MeanReturn).ToArray();

        Assert.True(means[0] > means[1]);
        Assert.True(means[1] > means[2]);
    }

    [Fact]
    public void SingleFeesOrUnknownFeesChangeNothing()
    {
        var plain = Simulation.ToJson(Simulation.Run(Returns, Options));

        Assert.Equal(plain, Simulation.ToJson(Simulation.Run(new TradeReturns(Returns, Commissions), Options)));
        Assert.Equal(plain, Simulation.ToJson(Simulation.Run(Returns, Options with { FeeMultiplier = 5 })));
    }

    [Fact]
    public void SlippageLowersTheMeanAndTheChanceOfProfit()
    {
        var plain = Simulation.Run(Returns, Options);
        var slipped = Simulation.Run(Returns, Options with { SlippageBps = 20 });

        Assert.True(slipped.MeanReturn < plain.MeanReturn);
        Assert.True(slipped.ProbProfit < plain.ProbProfit);
        Assert.Equal(plain.OriginalReturn, slipped.OriginalReturn);
    }

    [Fact]
    public void SlippageCostsTwiceItsBasisPointsPerTrade()
    {
        // 10 bps per side takes 0.2 % off each trade: 1.018 × 0.988 × 1.028 = 1.033945952, whatever the order.
        var result = Simulation.Run([0.02, -0.01, 0.03], Options with { Method = MonteCarloMethod.Permutation, SlippageBps = 10 });

        Assert.Equal(3.3945952, result.MeanReturn, 9);
        Assert.Equal(3.3945952, result.Percentile95, 9);
    }

    [Fact]
    public void ASkipFractionOfZeroSkipsNothing() =>
        Assert.Equal(Simulation.ToJson(Simulation.Run(Returns, Options)), Simulation.ToJson(Simulation.Run(Returns, Options with { SkipFraction = 0 })));

    [Theory]
    [InlineData(0.25, 150)]
    [InlineData(0.0024, 200)]
    [InlineData(0.0025, 199)]
    [InlineData(0.999, 1)]
    public void SkippingShortensEveryPathByTheRoundedFraction(double fraction, int length)
    {
        var result = Simulation.Run(Returns, Options with { SkipFraction = fraction });

        Assert.Equal(length, result.TradesPerSimulation);
        Assert.Equal(200, result.Trades);
    }
}
