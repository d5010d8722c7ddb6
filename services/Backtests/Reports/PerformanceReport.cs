namespace Platform.Backtests.Reports;

/// <summary>
/// <c>performance</c> (docs/api-behaviour.md, 2.11): P&amp;L, gross profit and loss, commission for all, long and short trades;
/// buy-and-hold (from <c>metrics</c>), run-up and drawdown of the cumulative trade P&amp;L path for all trades only.
/// </summary>
internal static class PerformanceReport
{
    public static readonly string[] Header = ["", "All USDT", "All %", "Long USDT", "Long %", "Short USDT", "Short %"];

    public static IEnumerable<string[]> Rows(ReportInput input)
    {
        var (all, @long, @short) = TradeGroup.Split(input);
        TradeGroup[] groups = [all, @long, @short];
        string[] Both(Func<TradeGroup, double> amount) =>
            [.. groups.SelectMany(g => new[] { PyFormat.Money(amount(g)), PyFormat.Money(g.Pct(amount(g))) })];
        string[] AmountOnly(Func<TradeGroup, string> amount) => [.. groups.SelectMany(g => new[] { amount(g), "" })];

        return
        [
            Header,
            ["Open P&L", "0.00", "0.00", "", "", "", ""],
            ["Net profit", .. Both(g => g.NetProfit)],
            ["Gross profit", .. Both(g => g.GrossProfit)],
            ["Gross loss", .. Both(g => g.GrossLoss)],
            ["Commission paid", .. AmountOnly(g => PyFormat.Money(g.Commission))],
            [
                "Buy & hold return", PyFormat.Money(input.Metric("buy_hold_return") ?? 0),
                PyFormat.Money(input.Metric("buy_hold_return_pct") ?? 0), "", "", "", "",
            ],
            ["Max equity run-up", PyFormat.Money(all.MaxRunUp), PyFormat.Money(all.Pct(all.MaxRunUp)), "", "", "", ""],
            ["Max equity drawdown", PyFormat.Money(all.MaxDrawdown), PyFormat.Money(all.Pct(all.MaxDrawdown)), "", "", "", ""],
            ["Max contracts held", .. AmountOnly(g => PyFormat.Fixed(g.MaxQuantity, 0))],
        ];
    }
}
