using Platform.Backtests.Reports;

namespace Platform.Backtests.Charts;

/// <summary>
/// The chart endpoints' error details, worded as the original's (docs/api-behaviour.md, 2.12); an unknown backtest is
/// <see cref="ReportErrors.BacktestNotFound"/> here too.
/// </summary>
internal static class ChartErrors
{
    /// <summary>400 when the status is not <c>completed</c>.</summary>
    public const string NotCompleted = "Backtest must be completed to generate charts";

    public const string NoEquityData = "No equity data available";

    public const string NoTrades = "No trades available";

    public const string NoCompletedTrades = "No completed trades available";

    public const int MinBins = 10;

    public const int MaxBins = 100;

    public const int DefaultBins = 30;

    /// <summary>422 for a <c>bins</c> outside 10–100 (docs/api-behaviour.md, 2.12).</summary>
    public const string InvalidBins = "bins must be between 10 and 100";

    /// <summary>The 400 detail when the input cannot make <paramref name="kind"/>, or null when it can.</summary>
    public static string? Check(ChartKind kind, ReportInput input) => kind switch
    {
        ChartKind.PnlDistribution when input.Trades.Count == 0 => NoTrades,
        ChartKind.PnlDistribution when !input.ClosedTrades.Any(t => t.Pnl is not null) => NoCompletedTrades,
        ChartKind.EquityCurve or ChartKind.DrawdownOverlay when input.Equity.Count == 0 => NoEquityData,
        _ => null,
    };
}
