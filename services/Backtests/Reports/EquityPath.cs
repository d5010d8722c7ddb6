namespace Platform.Backtests.Reports;

internal static class EquityPath
{
    /// <summary>The capital, then the capital after each trade's PnL in turn.</summary>
    public static IEnumerable<double> OfTrades(IEnumerable<ReportTrade> trades, double capital)
    {
        var equity = capital;
        yield return equity;
        foreach (var trade in trades)
        {
            equity += trade.NetPnl;
            yield return equity;
        }
    }

    /// <summary>The largest fall from a running peak, as a positive amount (0 for a path that never falls).</summary>
    public static double MaxFall(IEnumerable<double> path)
    {
        double peak = double.MinValue, deepest = 0;
        foreach (var value in path)
        {
            peak = Math.Max(peak, value);
            deepest = Math.Max(deepest, peak - value);
        }

        return deepest;
    }
}
