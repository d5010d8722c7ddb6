using System.Text.Json;
using Platform.Optimizations.MonteCarlo;

namespace Platform.Optimizations.Tests.MonteCarlo;

public sealed class ResultUsesTheContractNames
{
    [Fact]
    public void TheResultSerializesInSnakeCase()
    {
        var json = JsonDocument.Parse(Simulation.ToJson(Simulation.Run([0.01, -0.02, 0.03], new MonteCarloOptions { Simulations = 10, Seed = 1 }))).RootElement;

        Assert.Equal(
            ["n_simulations", "method", "seed", "n_trades", "trades_per_simulation", "original_return", "original_drawdown",
                "mean_return", "median_return", "std_return", "percentile_5", "percentile_25", "percentile_75", "percentile_95",
                "drawdown_mean", "drawdown_median", "drawdown_std", "drawdown_percentile_5", "drawdown_percentile_25",
                "drawdown_percentile_75", "drawdown_percentile_95", "prob_profit", "prob_ruin", "original_percentile",
                "confidence_interval", "return_histogram", "drawdown_histogram", "equity_bands"],
            json.EnumerateObject().Select(p => p.Name));
        Assert.Equal(
            ["paths", "trades", "percentile_5", "percentile_25", "percentile_50", "percentile_75", "percentile_95"],
            json.GetProperty("equity_bands").EnumerateObject().Select(p => p.Name));
        Assert.Equal("bootstrap", json.GetProperty("method").GetString());
        Assert.Equal(["level", "lower", "upper"], json.GetProperty("confidence_interval").EnumerateObject().Select(p => p.Name));
        Assert.Equal(["bin_edges", "counts"], json.GetProperty("return_histogram").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void OptionsBindFromASnakeCaseBody()
    {
        const string body = """
            {"n_simulations": 5000, "method": "permutation", "seed": 3, "ruin_threshold": 30, "confidence_level": 0.9,
             "fee_multiplier": 2, "slippage_bps": 5, "skip_fraction": 0.1, "histogram_bins": 20, "max_degree_of_parallelism": 1}
            """;

        var options = JsonSerializer.Deserialize<MonteCarloOptions>(body, Simulation.Json)!;

        Assert.Equal(
            new MonteCarloOptions
            {
                Simulations = 5_000, Method = MonteCarloMethod.Permutation, Seed = 3, RuinThreshold = 30, ConfidenceLevel = 0.9,
                FeeMultiplier = 2, SlippageBps = 5, SkipFraction = 0.1, HistogramBins = 20,
            },
            options);
    }

    [Fact]
    public void OmittedOptionsKeepTheirDefaults() =>
        Assert.Equal(new MonteCarloOptions(), JsonSerializer.Deserialize<MonteCarloOptions>("{}", Simulation.Json));
}
