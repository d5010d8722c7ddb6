using Platform.Engine.Strategies;

namespace Platform.Engine.Optimization;

/// <summary>Expands per-parameter value lists into their Cartesian product, validating each combination.</summary>
public static class ParameterGrid
{
    /// <summary>
    /// One validation result per combination, the first parameter varying slowest. Combinations that
    /// break a rule (e.g. fast ≥ slow) come back invalid with their errors, as the original skipped them.
    /// </summary>
    public static IReadOnlyList<ValidationResult<StrategySpec>> Expand(
        StrategyCatalog catalog, string strategy, IReadOnlyDictionary<string, IReadOnlyList<double>> axes) =>
        Combinations(axes).Select(c => catalog.Validate(strategy, c)).ToList();

    /// <summary>The same expansion for any strategy type, a user's rule document included.</summary>
    public static IReadOnlyList<ValidationResult<StrategySpec>> Expand(
        StrategyDefinition strategy, IReadOnlyDictionary<string, IReadOnlyList<double>> axes) =>
        Combinations(axes).Select(c => StrategyCatalog.Validate(strategy, c)).ToList();

    private static IEnumerable<Dictionary<string, double>> Combinations(IReadOnlyDictionary<string, IReadOnlyList<double>> axes)
    {
        IEnumerable<Dictionary<string, double>> combinations = [[]];
        foreach (var (name, values) in axes.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            combinations = combinations.SelectMany(c => values.Select(v => new Dictionary<string, double>(c) { [name] = v }));
        }

        return combinations;
    }
}
