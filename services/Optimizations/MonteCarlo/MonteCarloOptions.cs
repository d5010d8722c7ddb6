using System.Text.Json.Serialization;

namespace Platform.Optimizations.MonteCarlo;

/// <summary>
/// The request of a Monte Carlo run, bindable from a snake_case JSON body; omitted fields keep their defaults
/// (docs/api-behaviour.md, 3.10; the contract's for the first four, ours for the stress scenarios). Call <see cref="Validate"/> and answer
/// 422 with its errors before running.
/// </summary>
internal sealed record MonteCarloOptions
{
    public const int MinSimulations = 10;
    public const int MaxSimulations = 1_000_000;

    [JsonPropertyName("n_simulations")]
    public int Simulations { get; init; } = 1_000;

    public MonteCarloMethod Method { get; init; } = MonteCarloMethod.Bootstrap;

    /// <summary>The same seed gives bit-identical output; null draws one, which the result reports.</summary>
    public int? Seed { get; init; }

    /// <summary>Percent drawdown of the running peak beyond which a simulation counts as ruined.</summary>
    public double RuinThreshold { get; init; } = 20;

    /// <summary>Two-sided level of the total return's confidence interval, as a fraction (0.95).</summary>
    public double ConfidenceLevel { get; init; } = 0.95;

    /// <summary>Every trade pays k times its commission (needs the trades' commissions; 0 removes fees, 1 leaves them).</summary>
    public double FeeMultiplier { get; init; } = 1;

    /// <summary>Extra slippage in basis points per side, taken from every trade's return twice (entry and exit).</summary>
    public double SlippageBps { get; init; }

    /// <summary>Fraction of the trades each simulation skips at random, as if their signals had been missed.</summary>
    public double SkipFraction { get; init; }

    public int HistogramBins { get; init; } = 50;

    /// <summary>Not part of the request: a bound on worker threads; the output does not depend on it.</summary>
    [JsonIgnore]
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Errors keyed by snake_case field name; empty when the options are usable.</summary>
    public IReadOnlyDictionary<string, string> Validate()
    {
        var errors = new SortedDictionary<string, string>(StringComparer.Ordinal);
        Check(errors, "n_simulations", Simulations is >= MinSimulations and <= MaxSimulations, $"must be between {MinSimulations} and {MaxSimulations}");
        Check(errors, "method", Enum.IsDefined(Method), "must be bootstrap or permutation");
        Check(errors, "ruin_threshold", RuinThreshold is > 0 and < 100, "must be greater than 0 and less than 100 (percent)");
        Check(errors, "confidence_level", ConfidenceLevel is > 0 and < 1, "must be greater than 0 and less than 1");
        Check(errors, "fee_multiplier", FeeMultiplier is >= 0 and <= 100, "must be between 0 and 100");
        Check(errors, "slippage_bps", SlippageBps is >= 0 and <= 1_000, "must be between 0 and 1000");
        Check(errors, "skip_fraction", SkipFraction is >= 0 and < 1, "must be at least 0 and less than 1");
        Check(errors, "histogram_bins", HistogramBins is >= 1 and <= 1_000, "must be between 1 and 1000");
        return errors;
    }

    private static void Check(SortedDictionary<string, string> errors, string field, bool ok, string message)
    {
        if (!ok)
        {
            errors.TryAdd(field, message);
        }
    }
}
