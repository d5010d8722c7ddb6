using System.Globalization;
using Platform.Backtests.Queue;
using Platform.Engine.Backtesting;

namespace Platform.Backtests.Reports;

/// <summary>
/// <c>list_of_trades</c> (docs/api-behaviour.md, 2.11): two rows per closed trade, entry then exit, sharing the trade number and
/// the P&amp;L figures; prices and quantity with 3 decimals, position value with 6, money and percentages with 2.
/// Run-up and drawdown percentages are of the position value; cumulative ones of the capital base.
/// </summary>
internal static class ListOfTradesReport
{
    public static readonly string[] Header =
    [
        "Trade #", "Type", "Date/Time", "Signal", "Price USDT", "Position size (qty)", "Position size (value)",
        "Net P&L USDT", "Net P&L %", "Run-up USDT", "Run-up %", "Drawdown USDT", "Drawdown %",
        "Cumulative P&L USDT", "Cumulative P&L %",
    ];

    public static IEnumerable<string[]> Rows(ReportInput input)
    {
        yield return Header;
        var capital = input.Header.CapitalBase;
        var cumulative = 0.0;
        var number = 0;
        foreach (var trade in input.ClosedTrades)
        {
            number++;
            cumulative += trade.NetPnl;
            var value = trade.PositionValue;
            string[] figures =
            [
                PyFormat.Fixed(trade.Quantity, 3),
                PyFormat.Fixed(value, 6),
                PyFormat.Money(trade.NetPnl),
                PyFormat.Money(trade.PnlPct),
                PyFormat.Money(trade.RunUp),
                PyFormat.Money(value > 0 ? trade.RunUp / value * 100 : 0),
                PyFormat.Money(trade.Drawdown),
                PyFormat.Money(value > 0 ? trade.Drawdown / value * 100 : 0),
                PyFormat.Money(cumulative),
                PyFormat.Money(cumulative / capital * 100),
            ];
            var side = TradeSides.Name(trade.Side);
            var label = number.ToString(CultureInfo.InvariantCulture);
            yield return
            [
                label, $"Entry {side}", Time(trade.EntryTime), trade.EntrySignal ?? TradeSides.Order(trade.Side),
                PyFormat.Fixed(trade.EntryPrice, 3), .. figures,
            ];
            yield return
            [
                label, $"Exit {side}", Time(trade.ExitTime), trade.ExitSignal ?? (trade.Side == TradeSide.Long ? "Long Trail" : "Short Trail"),
                PyFormat.Fixed(trade.ExitPrice ?? 0, 3), .. figures,
            ];
        }
    }

    private static string Time(DateTime? time) =>
        time?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "";
}
