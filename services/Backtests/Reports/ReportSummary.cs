using System.Text.Json;

namespace Platform.Backtests.Reports;

/// <summary>
/// The backtest's headline figures (units of docs/api-behaviour.md, 1.6: returns, win rate and drawdown as fractions). Each is
/// taken from the result document when it carries it, else worked out from the closed trades and the equity curve.
/// <see cref="ProfitFactor"/> is null when there are profits and no losses (infinite); Sharpe and Sortino are null when
/// the document has none (they need the per-bar returns a report does not have).
/// </summary>
internal sealed record ReportSummary(
    double InitialCapital,
    double FinalCapital,
    double TotalReturn,
    int TotalTrades,
    int WinningTrades,
    int LosingTrades,
    double WinRate,
    double? SharpeRatio,
    double? SortinoRatio,
    double MaxDrawdown,
    double? ProfitFactor,
    double NetProfit,
    double GrossProfit,
    double GrossLoss,
    double TotalCommission)
{
    public static ReportSummary From(
        ReportHeader header,
        JsonElement results,
        IReadOnlyList<ReportTrade> closed,
        EquitySeries equity,
        IReadOnlyDictionary<string, double> metrics)
    {
        double? Top(string name) =>
            results.TryGetProperty(name, out var value) && JsonFields.TryNumber(value, out var number) ? number : null;
        double? Detail(string name) => metrics.TryGetValue(name, out var value) ? value : Top(name);

        var capital = header.CapitalBase;
        var grossProfit = closed.Sum(t => Math.Max(t.NetPnl, 0));
        var grossLoss = closed.Sum(t => Math.Min(t.NetPnl, 0));
        var netProfit = Detail("net_profit") ?? closed.Sum(t => t.NetPnl);
        var finalCapital = Top("final_capital") ?? capital + netProfit;
        var total = (int?)Top("total_trades") ?? closed.Count;
        var winning = (int?)Top("winning_trades") ?? closed.Count(t => t.NetPnl > 0);
        return new ReportSummary(
            capital,
            finalCapital,
            Top("total_return") ?? (finalCapital - capital) / capital,
            total,
            winning,
            (int?)Top("losing_trades") ?? closed.Count(t => t.NetPnl < 0),
            Top("win_rate") ?? (total > 0 ? (double)winning / total : 0),
            Top("sharpe_ratio"),
            Top("sortino_ratio"),
            Top("max_drawdown") ?? CurveDrawdown(equity, closed, capital),
            StoredOrComputedProfitFactor(results, grossProfit, grossLoss),
            netProfit,
            Detail("gross_profit") ?? grossProfit,
            Math.Abs(Detail("gross_loss") ?? grossLoss),
            Detail("total_commission") ?? closed.Sum(t => t.Commission));
    }

    // Peak-to-trough fall as a fraction of the initial capital (docs/api-behaviour.md, 1.6), on the equity curve or, without one, on the
    // path of cumulative trade PnL.
    private static double CurveDrawdown(EquitySeries equity, IReadOnlyList<ReportTrade> closed, double capital) =>
        EquityPath.MaxFall(equity.Count > 0 ? equity.Equity : EquityPath.OfTrades(closed, capital)) / capital;

    // The engine stores null for "profits and no losses"; hand-written documents may say "Infinity".
    private static double? StoredOrComputedProfitFactor(JsonElement results, double grossProfit, double grossLoss)
    {
        if (results.TryGetProperty("profit_factor", out var stored))
        {
            return JsonFields.TryNumber(stored, out var number) ? number : null;
        }

        return grossLoss < 0 ? grossProfit / -grossLoss : grossProfit > 0 ? null : 0;
    }
}
