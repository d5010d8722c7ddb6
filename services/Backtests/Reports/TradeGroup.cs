using Platform.Engine.Backtesting;

namespace Platform.Backtests.Reports;

/// <summary>
/// The figures of the performance, risk-ratio and trade-analysis reports for one set of closed trades (all, long or
/// short), computed as the original generator did (docs/api-behaviour.md, 2.11): percentages of the capital base, population
/// standard deviations, a 1e-9 guard in the ratios, means over the trades' own <c>pnl_pct</c>. Every figure of an
/// empty set is 0.
/// </summary>
internal sealed class TradeGroup
{
    private const double Epsilon = 1e-9;
    private static readonly double AnnualFactor = Math.Sqrt(252);

    public TradeGroup(IReadOnlyList<ReportTrade> trades, double capital)
    {
        Capital = capital;
        Count = trades.Count;
        if (Count == 0)
        {
            return;
        }

        var pnls = trades.Select(t => t.NetPnl).ToArray();
        var pcts = trades.Select(t => t.PnlPct).ToArray();
        var wins = Enumerable.Range(0, Count).Where(i => pnls[i] > 0).ToArray();
        var losses = Enumerable.Range(0, Count).Where(i => pnls[i] < 0).ToArray();

        Winning = wins.Length;
        Losing = losses.Length;
        NetProfit = pnls.Sum();
        GrossProfit = wins.Sum(i => pnls[i]);
        GrossLoss = Math.Abs(losses.Sum(i => pnls[i]));
        Commission = trades.Sum(t => t.Commission);
        var path = EquityPath.OfTrades(trades, capital).ToArray();
        MaxRunUp = path.Max() - capital;
        MaxDrawdown = EquityPath.MaxFall(path);
        MaxQuantity = trades.Max(t => t.Quantity);

        var returns = pnls.Select(p => p / capital).ToArray();
        var meanReturn = returns.Average();
        var downside = returns.Where(r => r < 0).ToArray();
        SharpeRatio = meanReturn * AnnualFactor / (PopulationStdDev(returns) + Epsilon);
        SortinoRatio = meanReturn * AnnualFactor / ((downside.Length > 0 ? PopulationStdDev(downside) : Epsilon) + Epsilon);
        ProfitFactor = GrossProfit / (GrossLoss + Epsilon);

        WinRatePct = (double)Winning / Count * 100;
        AvgPnl = pnls.Average();
        AvgPnlPct = pcts.Average();
        AvgWin = wins.Length > 0 ? wins.Average(i => pnls[i]) : 0;
        AvgWinPct = wins.Length > 0 ? wins.Average(i => pcts[i]) : 0;
        AvgLoss = losses.Length > 0 ? losses.Average(i => pnls[i]) : 0;
        AvgLossPct = losses.Length > 0 ? losses.Average(i => pcts[i]) : 0;
        WinLossRatio = AvgLoss != 0 ? Math.Abs(AvgWin / AvgLoss) : 0;
        MaxWin = pnls.Max();
        MaxWinPct = pcts.Max();
        MaxLoss = pnls.Min();
        MaxLossPct = pcts.Min();
        AvgBars = trades.Average(t => t.BarsHeld);
    }

    public double Capital { get; }

    public int Count { get; }

    public int Winning { get; }

    public int Losing { get; }

    public double NetProfit { get; }

    public double GrossProfit { get; }

    /// <summary>A positive amount.</summary>
    public double GrossLoss { get; }

    public double Commission { get; }

    public double MaxRunUp { get; }

    public double MaxDrawdown { get; }

    public double MaxQuantity { get; }

    public double SharpeRatio { get; }

    public double SortinoRatio { get; }

    public double ProfitFactor { get; }

    public double WinRatePct { get; }

    public double AvgPnl { get; }

    public double AvgPnlPct { get; }

    public double AvgWin { get; }

    public double AvgWinPct { get; }

    public double AvgLoss { get; }

    public double AvgLossPct { get; }

    public double WinLossRatio { get; }

    public double MaxWin { get; }

    public double MaxWinPct { get; }

    public double MaxLoss { get; }

    public double MaxLossPct { get; }

    public double AvgBars { get; }

    /// <summary>An amount as a percentage of the capital base.</summary>
    public double Pct(double amount) => amount / Capital * 100;

    /// <summary>The closed trades of a report, all of them, then the long ones, then the short ones.</summary>
    public static (TradeGroup All, TradeGroup Long, TradeGroup Short) Split(ReportInput input)
    {
        var capital = input.Header.CapitalBase;
        var closed = input.ClosedTrades;
        return (
            new TradeGroup(closed, capital),
            new TradeGroup([.. closed.Where(t => t.Side == TradeSide.Long)], capital),
            new TradeGroup([.. closed.Where(t => t.Side == TradeSide.Short)], capital));
    }

    private static double PopulationStdDev(double[] values)
    {
        var mean = values.Average();
        return Math.Sqrt(values.Average(v => (v - mean) * (v - mean)));
    }
}
