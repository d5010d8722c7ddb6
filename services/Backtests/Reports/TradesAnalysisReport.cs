using System.Globalization;

namespace Platform.Backtests.Reports;

/// <summary>
/// <c>trades_analysis</c> (docs/api-behaviour.md, 2.11): counts, percent profitable (in the % columns), averages, the win/loss
/// ratio, the largest win and loss (the highest and lowest P&amp;L) and the average bars held (1 decimal), for all,
/// long and short trades.
/// </summary>
internal static class TradesAnalysisReport
{
    public static IEnumerable<string[]> Rows(ReportInput input)
    {
        var (all, @long, @short) = TradeGroup.Split(input);
        TradeGroup[] groups = [all, @long, @short];
        string[] Left(Func<TradeGroup, string> text) => [.. groups.SelectMany(g => new[] { text(g), "" })];
        string[] Right(Func<TradeGroup, string> text) => [.. groups.SelectMany(g => new[] { "", text(g) })];
        string[] Pair(Func<TradeGroup, double> amount, Func<TradeGroup, double> pct) =>
            [.. groups.SelectMany(g => new[] { PyFormat.Money(amount(g)), PyFormat.Money(pct(g)) })];
        static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);

        return
        [
            PerformanceReport.Header,
            ["Total trades", .. Left(g => Count(g.Count))],
            ["Winning trades", .. Left(g => Count(g.Winning))],
            ["Losing trades", .. Left(g => Count(g.Losing))],
            ["Percent profitable", .. Right(g => PyFormat.Money(g.WinRatePct))],
            ["Avg P&L", .. Pair(g => g.AvgPnl, g => g.AvgPnlPct)],
            ["Avg winning trade", .. Pair(g => g.AvgWin, g => g.AvgWinPct)],
            ["Avg losing trade", .. Pair(g => g.AvgLoss, g => g.AvgLossPct)],
            ["Ratio avg win / avg loss", .. Left(g => PyFormat.Money(g.WinLossRatio))],
            ["Largest winning trade", .. Pair(g => g.MaxWin, g => g.MaxWinPct)],
            ["Largest losing trade", .. Pair(g => g.MaxLoss, g => g.MaxLossPct)],
            ["Avg # bars in trades", .. Left(g => PyFormat.Fixed(g.AvgBars, 1))],
        ];
    }
}
