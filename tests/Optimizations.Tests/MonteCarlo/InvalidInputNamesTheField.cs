using Platform.Optimizations.MonteCarlo;

namespace Platform.Optimizations.Tests.MonteCarlo;

public sealed class InvalidInputNamesTheField
{
    [Theory]
    [InlineData("n_simulations", 9)]
    [InlineData("n_simulations", 1_000_001)]
    [InlineData("method", 7)]
    [InlineData("ruin_threshold", 0)]
    [InlineData("ruin_threshold", 100)]
    [InlineData("ruin_threshold", double.NaN)]
    [InlineData("confidence_level", 0)]
    [InlineData("confidence_level", 1)]
    [InlineData("fee_multiplier", -0.5)]
    [InlineData("fee_multiplier", 101)]
    [InlineData("slippage_bps", -1)]
    [InlineData("slippage_bps", double.PositiveInfinity)]
    [InlineData("skip_fraction", -0.1)]
    [InlineData("skip_fraction", 1)]
    [InlineData("histogram_bins", 0)]
    public void AnOptionOutOfRange(string field, double value)
    {
        var options = field switch
        {
            "n_simulations" => new MonteCarloOptions { Simulations = (int)value },
            "method" => new MonteCarloOptions { Method = (MonteCarloMethod)(int)value },
            "ruin_threshold" => new MonteCarloOptions { RuinThreshold = value },
            "confidence_level" => new MonteCarloOptions { ConfidenceLevel = value },
            "fee_multiplier" => new MonteCarloOptions { FeeMultiplier = value },
            "slippage_bps" => new MonteCarloOptions { SlippageBps = value },
            "skip_fraction" => new MonteCarloOptions { SkipFraction = value },
            _ => new MonteCarloOptions { HistogramBins = (int)value },
        };

        Assert.Equal([field], options.Validate().Keys);
    }

    [Fact]
    public void TheDefaultsAreTheContractsAndValid()
    {
        var options = new MonteCarloOptions();

        Assert.Empty(options.Validate());
        Assert.Equal((1_000, MonteCarloMethod.Bootstrap, 20.0, 0.95, 50), (options.Simulations, options.Method, options.RuinThreshold, options.ConfidenceLevel, options.HistogramBins));
        Assert.Null(options.Seed);
    }

    [Fact]
    public void TheBoundsAreAccepted() =>
        Assert.Empty(new MonteCarloOptions { Simulations = 10, FeeMultiplier = 0, SkipFraction = 0, SlippageBps = 1_000, RuinThreshold = 99.9 }.Validate());

    [Fact]
    public void TradesThatCannotBeSimulated()
    {
        Assert.Equal(["returns"], new TradeReturns([]).Validate().Keys);
        Assert.Equal(["returns"], new TradeReturns([0.01, double.NaN]).Validate().Keys);
        Assert.Equal(["commissions"], new TradeReturns([0.01, 0.02], [0.001]).Validate().Keys);
        Assert.Equal(["commissions"], new TradeReturns([0.01, 0.02], [0.001, -0.001]).Validate().Keys);
    }

    [Fact]
    public void RunRefusesWithEveryError()
    {
        var error = Assert.Throws<MonteCarloValidationException>(() => Simulation.Run([], new MonteCarloOptions { Simulations = 5 }));

        Assert.Equal(["n_simulations", "returns"], error.Errors.Keys.Order());
    }

    [Fact]
    public void RunRefusesReturnsThatCompoundBeyondDoublePrecision()
    {
        var error = Assert.Throws<MonteCarloValidationException>(() => Simulation.Run(Enumerable.Repeat(1e6, 100).ToArray(), new MonteCarloOptions { Seed = 1, Simulations = 10 }));

        Assert.Equal(["returns"], error.Errors.Keys);
    }
}
