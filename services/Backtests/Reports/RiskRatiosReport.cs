namespace Platform.Backtests.Reports;

/// <summary>
/// <c>risk_ratios</c> (docs/api-behaviour.md, 2.11): Sharpe and Sortino of the trade returns for all trades, profit factor for
/// all and long trades (3 decimals), margin calls always 0.
/// </summary>
internal static class RiskRatiosReport
{
    public static IEnumerable<string[]> Rows(ReportInput input)
    {
        var (all, @long, _) = TradeGroup.Split(input);
        return
        [
            PerformanceReport.Header,
            ["Sharpe ratio", PyFormat.Money(all.SharpeRatio), "", "", "", "", ""],
            ["Sortino ratio", PyFormat.Money(all.SortinoRatio), "", "", "", "", ""],
            ["Profit factor", PyFormat.Fixed(all.ProfitFactor, 3), "", PyFormat.Fixed(@long.ProfitFactor, 3), "", "", ""],
            ["Margin calls", "0", "", "0", "", "0", ""],
        ];
    }
}
