using Platform.Engine.Metrics;

namespace Platform.Optimizations.WalkForward;

/// <summary>The key metrics of one side of a window, in the engine's units (fractions; <see cref="ProfitFactor"/> null without losses).</summary>
internal sealed record WindowMetrics(
    double TotalReturn,
    double SharpeRatio,
    double MaxDrawdown,
    double WinRate,
    int TotalTrades,
    double? ProfitFactor,
    double NetProfit)
{
    public static WindowMetrics From(BacktestMetrics metrics) => new(
        metrics.TotalReturn,
        metrics.SharpeRatio,
        metrics.MaxDrawdown,
        metrics.WinRate,
        metrics.TotalTrades,
        metrics.ProfitFactor,
        metrics.Metrics.NetProfit);
}
