using System.Globalization;

namespace Platform.Optimizations.WalkForward;

/// <summary>
/// How steady one parameter's best value is across windows: mean, population standard deviation and coefficient of variation
/// (std / |mean|, null when the mean is 0) over numeric values (true/false as 1/0; all null for text), and the most common
/// value with the share of windows that chose it (ties go to the value whose text sorts first).
/// </summary>
internal sealed record ParameterStability(
    double? Mean,
    double? Std,
    double? CoefficientOfVariation,
    object MostCommonValue,
    double MostCommonShare)
{
    /// <summary>Stability of each of <paramref name="parameters"/> (those the grid varies) over the windows' best parameters.</summary>
    public static IReadOnlyDictionary<string, ParameterStability> Compute(IReadOnlyList<WalkForwardWindow> windows, IEnumerable<string> parameters)
    {
        var stability = new SortedDictionary<string, ParameterStability>(StringComparer.Ordinal);
        foreach (var parameter in parameters)
        {
            var values = windows
                .Select(window => window.BestParams.TryGetValue(parameter, out var value) ? value : null)
                .OfType<object>()
                .ToArray();
            if (values.Length > 0)
            {
                stability[parameter] = Of(values);
            }
        }
        return stability;
    }

    private static ParameterStability Of(object[] values)
    {
        var mostCommon = values
            .GroupBy(Text, StringComparer.Ordinal)
            .OrderByDescending(group => group.Count())
            .ThenBy(group => group.Key, StringComparer.Ordinal)
            .First();
        var share = mostCommon.Count() / (double)values.Length;
        var numbers = values.Select(Number).ToArray();
        if (numbers.Any(number => number is null))
        {
            return new ParameterStability(null, null, null, mostCommon.First(), share);
        }
        var numeric = numbers.Select(number => number!.Value).ToArray();
        var mean = Statistics.Mean(numeric);
        var std = Statistics.StandardDeviation(numeric);
        return new ParameterStability(mean, std, mean == 0 ? null : std / Math.Abs(mean), mostCommon.First(), share);
    }

    private static double? Number(object value) => value switch
    {
        int number => number,
        double number => number,
        bool flag => flag ? 1 : 0,
        _ => null,
    };

    private static string Text(object value) => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;
}
