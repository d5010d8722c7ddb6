using Platform.Engine.Data;

namespace Platform.Engine.Filters;

/// <summary>
/// A multi-timeframe filter: base-interval entries are taken only when the close of the last
/// closed <see cref="Interval"/> candle relates to its moving average as <see cref="Condition"/> asks.
/// Exits are never filtered.
/// </summary>
public sealed record TrendFilter(
    Interval Interval,
    int Period,
    TrendCondition Condition = TrendCondition.Aligned,
    MovingAverageKind Average = MovingAverageKind.Sma)
{
    public const int MaxPeriod = 5_000;

    /// <summary>Field-named errors for filters applied to a series of <paramref name="baseInterval"/>.</summary>
    public static IReadOnlyDictionary<string, string> Validate(IReadOnlyList<TrendFilter> filters, Interval baseInterval)
    {
        var errors = new SortedDictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < filters.Count; i++)
        {
            var filter = filters[i];
            if (filter.Interval.Code is null || !filter.Interval.Nests(baseInterval))
            {
                errors[$"filters[{i}].interval"] = $"must be a higher interval that {baseInterval.Code} bars fit into exactly";
            }

            if (filter.Period is < 1 or > MaxPeriod)
            {
                errors[$"filters[{i}].period"] = $"must be between 1 and {MaxPeriod}";
            }
        }

        return errors;
    }
}
