using System.Text.Json.Serialization;

namespace Platform.Optimizations.MonteCarlo;

/// <summary>
/// The distribution of outcomes of a Monte Carlo run, serialized with the contract's snake_case names (docs/api-behaviour.md,
/// 3.10). Returns and drawdowns are in percent: the total compounded return of a path, and its largest fall from the
/// running peak as a positive number (0–100). Percentiles follow <see cref="SortedSample.Percentile"/>; probabilities
/// are fractions 0–1, <see cref="OriginalPercentile"/> is in percent. The original is the historical sequence without
/// stress, so under a stress scenario it shows where what happened lies among the stressed outcomes.
/// </summary>
internal sealed record MonteCarloResult
{
    [JsonPropertyName("n_simulations")]
    public required int Simulations { get; init; }

    public required MonteCarloMethod Method { get; init; }

    /// <summary>The seed used, drawn when the options had none: running again with it reproduces this result.</summary>
    public required int Seed { get; init; }

    [JsonPropertyName("n_trades")]
    public required int Trades { get; init; }

    /// <summary>Trades in each simulated path: all of them, less the skipped fraction.</summary>
    public required int TradesPerSimulation { get; init; }

    public required double OriginalReturn { get; init; }

    public required double OriginalDrawdown { get; init; }

    public required double MeanReturn { get; init; }

    public required double MedianReturn { get; init; }

    /// <summary>Population standard deviation (ddof = 0) of the simulated returns.</summary>
    public required double StdReturn { get; init; }

    [JsonPropertyName("percentile_5")]
    public required double Percentile5 { get; init; }

    [JsonPropertyName("percentile_25")]
    public required double Percentile25 { get; init; }

    [JsonPropertyName("percentile_75")]
    public required double Percentile75 { get; init; }

    [JsonPropertyName("percentile_95")]
    public required double Percentile95 { get; init; }

    public required double DrawdownMean { get; init; }

    public required double DrawdownMedian { get; init; }

    public required double DrawdownStd { get; init; }

    [JsonPropertyName("drawdown_percentile_5")]
    public required double DrawdownPercentile5 { get; init; }

    [JsonPropertyName("drawdown_percentile_25")]
    public required double DrawdownPercentile25 { get; init; }

    [JsonPropertyName("drawdown_percentile_75")]
    public required double DrawdownPercentile75 { get; init; }

    [JsonPropertyName("drawdown_percentile_95")]
    public required double DrawdownPercentile95 { get; init; }

    /// <summary>Share of simulations whose total return is above 0.</summary>
    public required double ProbProfit { get; init; }

    /// <summary>Share of simulations whose max drawdown is above the ruin threshold.</summary>
    public required double ProbRuin { get; init; }

    /// <summary>Percent of simulated returns at or below the original (equal within rounding counts as below).</summary>
    public required double OriginalPercentile { get; init; }

    public required ConfidenceInterval ConfidenceInterval { get; init; }

    public required Histogram ReturnHistogram { get; init; }

    public required Histogram DrawdownHistogram { get; init; }

    public required EquityBands EquityBands { get; init; }
}
