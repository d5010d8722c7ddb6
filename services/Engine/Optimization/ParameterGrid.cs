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
        Combinations(axes, 0, Size(axes)).Select(c => catalog.Validate(strategy, c)).ToList();

    /// <summary>The same expansion for any strategy type, a user's rule document included.</summary>
    public static IReadOnlyList<ValidationResult<StrategySpec>> Expand(
        StrategyDefinition strategy, IReadOnlyDictionary<string, IReadOnlyList<double>> axes) =>
        Expand(strategy, axes, 0, Size(axes));

    /// <summary>
    /// The combinations at positions [<paramref name="first"/>, <paramref name="end"/>) of <see cref="Expand(StrategyDefinition, IReadOnlyDictionary{string, IReadOnlyList{double}})"/>'s
    /// order, validated: a slice of a large grid, without the combinations before it.
    /// </summary>
    public static IReadOnlyList<ValidationResult<StrategySpec>> Expand(
        StrategyDefinition strategy, IReadOnlyDictionary<string, IReadOnlyList<double>> axes, long first, long end) =>
        Combinations(axes, first, end).Select(c => StrategyCatalog.Validate(strategy, c)).ToList();

    /// <summary>How many combinations the axes make: the product of their lengths.</summary>
    public static long Size(IReadOnlyDictionary<string, IReadOnlyList<double>> axes) => axes.Values.Aggregate(1L, (product, axis) => product * axis.Count);

    /// <summary>
    /// The combinations at positions [<paramref name="first"/>, <paramref name="end"/>), each position read as a number whose
    /// digits, the first axis (in ordinal order of the names) the most significant, index the axes' values.
    /// </summary>
    private static IEnumerable<Dictionary<string, double>> Combinations(IReadOnlyDictionary<string, IReadOnlyList<double>> axes, long first, long end)
    {
        var ordered = axes.OrderBy(a => a.Key, StringComparer.Ordinal).ToArray();
        var digits = new int[ordered.Length];
        var last = Math.Min(end, Size(axes));
        for (var position = Math.Max(first, 0); position < last; position++)
        {
            var rest = position;
            for (var axis = ordered.Length - 1; axis >= 0; axis--)
            {
                digits[axis] = (int)(rest % ordered[axis].Value.Count);
                rest /= ordered[axis].Value.Count;
            }
            var combination = new Dictionary<string, double>(ordered.Length);
            for (var axis = 0; axis < ordered.Length; axis++)
            {
                combination[ordered[axis].Key] = ordered[axis].Value[digits[axis]];
            }
            yield return combination;
        }
    }
}
