using System.Text.Json.Serialization;

namespace Platform.Optimizations.WalkForward;

/// <summary>
/// The contract's summary over the evaluated windows' out-of-sample results (docs/api-behaviour.md, 3.9). A window is positive when its
/// out-of-sample net profit is above 0; spreads are population standard deviations. With no windows every number is 0.
/// The metric's average and median serialize under the contract's keys <c>average_oos_{metric}</c> and <c>median_oos_{metric}</c>.
/// </summary>
internal sealed record WalkForwardSummary(
    int TotalWindows,
    int PositiveWindows,
    double PositiveWindowRate,
    double TotalOosProfit,
    double AverageOosProfit,
    double MedianOosProfit,
    double StdOosProfit,
    int TotalOosTrades,
    double AverageOosTrades,
    [property: JsonIgnore] string Metric,
    [property: JsonIgnore] double? AverageOosMetric,
    [property: JsonIgnore] double? MedianOosMetric)
{
    [JsonExtensionData]
    public Dictionary<string, object?> MetricFields => new(StringComparer.Ordinal)
    {
        [$"average_oos_{Metric}"] = AverageOosMetric,
        [$"median_oos_{Metric}"] = MedianOosMetric,
    };

    public static WalkForwardSummary Compute(IReadOnlyList<WalkForwardWindow> windows, string metric)
    {
        var profits = windows.Select(window => window.OosMetrics.NetProfit).ToArray();
        var trades = windows.Sum(window => window.OosMetrics.TotalTrades);
        var positive = profits.Count(profit => profit > 0);
        var scores = windows.Where(window => window.OosScore is not null).Select(window => window.OosScore!.Value).ToArray();
        return new WalkForwardSummary(
            windows.Count,
            positive,
            windows.Count == 0 ? 0 : positive / (double)windows.Count,
            profits.Sum(),
            Statistics.Mean(profits),
            Statistics.Median(profits),
            Statistics.StandardDeviation(profits),
            trades,
            windows.Count == 0 ? 0 : trades / (double)windows.Count,
            metric,
            scores.Length == 0 ? null : Statistics.Mean(scores),
            scores.Length == 0 ? null : Statistics.Median(scores));
    }
}
