using Platform.Engine.Backtesting;

namespace Platform.Engine.Metrics;

/// <summary>Counts and sums over closed trades; a trade wins with PnL &gt; 0 and loses with PnL &lt; 0.</summary>
internal readonly record struct TradeStatistics(
    int Wins,
    int Losses,
    double GrossProfit,
    double GrossLoss,
    double NetProfit,
    double Commission,
    double MaxWin,
    double MaxLoss,
    long Bars,
    long WinBars,
    long LossBars,
    int MaxConsecutiveWins,
    int MaxConsecutiveLosses)
{
    public static TradeStatistics Compute(IReadOnlyList<Trade> trades)
    {
        var s = new TradeStatistics();
        int winStreak = 0, lossStreak = 0;
        foreach (var trade in trades)
        {
            var pnl = trade.Pnl;
            winStreak = pnl > 0 ? winStreak + 1 : 0;
            lossStreak = pnl < 0 ? lossStreak + 1 : 0;
            s = s with
            {
                Wins = s.Wins + (pnl > 0 ? 1 : 0),
                Losses = s.Losses + (pnl < 0 ? 1 : 0),
                GrossProfit = s.GrossProfit + Math.Max(pnl, 0),
                GrossLoss = s.GrossLoss + Math.Min(pnl, 0),
                NetProfit = s.NetProfit + pnl,
                Commission = s.Commission + trade.Commission,
                MaxWin = Math.Max(s.MaxWin, pnl),
                MaxLoss = Math.Min(s.MaxLoss, pnl),
                Bars = s.Bars + trade.BarsHeld,
                WinBars = s.WinBars + (pnl > 0 ? trade.BarsHeld : 0),
                LossBars = s.LossBars + (pnl < 0 ? trade.BarsHeld : 0),
                MaxConsecutiveWins = Math.Max(s.MaxConsecutiveWins, winStreak),
                MaxConsecutiveLosses = Math.Max(s.MaxConsecutiveLosses, lossStreak),
            };
        }

        return s;
    }
}
