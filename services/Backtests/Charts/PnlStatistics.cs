using Platform.Backtests.Reports;

namespace Platform.Backtests.Charts;

/// <summary>
/// The PnL of the closed trades that have one (docs/api-behaviour.md, 2.12) with its mean, median and population standard
/// deviation, as numpy's <c>mean</c>, <c>median</c> and <c>std</c> gave them.
/// </summary>
internal sealed record PnlStatistics(double[] Values, double Mean, double Median, double StdDev)
{
    public static PnlStatistics From(ReportInput input)
    {
        double[] values = [.. input.ClosedTrades.Where(t => t.Pnl is not null).Select(t => t.Pnl!.Value)];
        if (values.Length == 0)
        {
            return new PnlStatistics(values, 0, 0, 0);
        }

        var mean = values.Average();
        double[] sorted = [.. values.Order()];
        var middle = sorted.Length / 2;
        var median = sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        var stdDev = Math.Sqrt(values.Average(v => (v - mean) * (v - mean)));
        return new PnlStatistics(values, mean, median, stdDev);
    }

    /// <summary>The annotation line of the original histogram.</summary>
    public string Caption =>
        $"Stats: Mean=${PyFormat.Money(Mean)}, Median=${PyFormat.Money(Median)}, StdDev=${PyFormat.Money(StdDev)}";
}
