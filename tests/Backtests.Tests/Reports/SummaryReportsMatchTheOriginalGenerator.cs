using Platform.Backtests.Reports;

namespace Platform.Backtests.Tests.Reports;

/// <summary>
/// The performance, risk-ratio and trade-analysis reports of the sample, each figure worked out by hand the way the
/// original generator did: closed trades +95.40 (long), −27.80 (short), +14.20 (long) on a capital of 10 000.
/// </summary>
public sealed class SummaryReportsMatchTheOriginalGenerator
{
    private static readonly string[] Header = ["", "All USDT", "All %", "Long USDT", "Long %", "Short USDT", "Short %"];

    [Fact]
    public async Task PerformanceSplitsAllLongAndShort()
    {
        var rows = await ReportSamples.CsvAsync(ReportType.Performance, ReportSamples.Engine());

        Assert.Equal(
            [
                Header,
                ["Open P&L", "0.00", "0.00", "", "", "", ""],
                ["Net profit", "81.80", "0.82", "109.60", "1.10", "-27.80", "-0.28"],
                ["Gross profit", "109.60", "1.10", "109.60", "1.10", "0.00", "0.00"],
                ["Gross loss", "27.80", "0.28", "0.00", "0.00", "27.80", "0.28"],
                ["Commission paid", "8.20", "", "5.40", "", "2.80", ""],
                ["Buy & hold return", "523.00", "5.23", "", "", "", ""],

                // Cumulative path 10 000 → 10 095.40 → 10 067.60 → 10 081.80.
                ["Max equity run-up", "95.40", "0.95", "", "", "", ""],
                ["Max equity drawdown", "27.80", "0.28", "", "", "", ""],
                ["Max contracts held", "10", "", "10", "", "5", ""],
            ],
            rows);
    }

    [Fact]
    public async Task RiskRatiosUseTradeReturnsAndTheEpsilonGuard()
    {
        double[] returns = [95.4 / 10_000, -27.8 / 10_000, 14.2 / 10_000];
        var mean = (returns[0] + returns[1] + returns[2]) / 3;
        var std = Math.Sqrt(returns.Sum(r => (r - mean) * (r - mean)) / 3);
        var sharpe = mean * Math.Sqrt(252) / (std + 1e-9);

        // One losing return: its standard deviation is 0, so only the epsilon divides.
        var sortino = mean * Math.Sqrt(252) / (0 + 1e-9);

        var rows = await ReportSamples.CsvAsync(ReportType.RiskRatios, ReportSamples.Engine());

        Assert.Equal(
            [
                Header,
                ["Sharpe ratio", sharpe.ToString("F2"), "", "", "", "", ""],
                ["Sortino ratio", sortino.ToString("F2"), "", "", "", "", ""],
                ["Profit factor", (109.6 / (27.8 + 1e-9)).ToString("F3"), "", (109.6 / 1e-9).ToString("F3"), "", "", ""],
                ["Margin calls", "0", "", "0", "", "0", ""],
            ],
            rows);
        Assert.Equal("8.46", rows[1][1]);
        Assert.Equal("3.942", rows[3][1]);
    }

    [Fact]
    public async Task TradesAnalysisAveragesPerSide()
    {
        var rows = await ReportSamples.CsvAsync(ReportType.TradesAnalysis, ReportSamples.Engine());

        Assert.Equal(
            [
                Header,
                ["Total trades", "3", "", "2", "", "1", ""],
                ["Winning trades", "2", "", "2", "", "0", ""],
                ["Losing trades", "1", "", "0", "", "1", ""],
                ["Percent profitable", "", "66.67", "", "100.00", "", "0.00"],

                // pnl_pct 9.54, −5.05, 4.74: all (9.23 / 3), long (14.28 / 2).
                ["Avg P&L", "27.27", "3.08", "54.80", "7.14", "-27.80", "-5.05"],
                ["Avg winning trade", "54.80", "7.14", "54.80", "7.14", "0.00", "0.00"],
                ["Avg losing trade", "-27.80", "-5.05", "0.00", "0.00", "-27.80", "-5.05"],
                ["Ratio avg win / avg loss", "1.97", "", "0.00", "", "0.00", ""],
                ["Largest winning trade", "95.40", "9.54", "95.40", "9.54", "-27.80", "-5.05"],
                ["Largest losing trade", "-27.80", "-5.05", "14.20", "4.74", "-27.80", "-5.05"],
                ["Avg # bars in trades", "4.7", "", "6.0", "", "2.0", ""],
            ],
            rows);
    }

    [Fact]
    public async Task WithoutClosedTradesEveryFigureIsZero()
    {
        var input = ReportSamples.Read("""{"trades": [{"entry_time": "2025-01-01T00:00:00Z", "side": "long", "entry_price": 5, "quantity": 1}]}""");

        var performance = await ReportSamples.CsvAsync(ReportType.Performance, input);
        var analysis = await ReportSamples.CsvAsync(ReportType.TradesAnalysis, input);
        var listed = await ReportSamples.CsvAsync(ReportType.ListOfTrades, input);

        Assert.Equal(["Net profit", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00"], performance[2]);
        Assert.Equal(["Max contracts held", "0", "", "0", "", "0", ""], performance[9]);
        Assert.Equal(["Total trades", "0", "", "0", "", "0", ""], analysis[1]);
        Assert.Single(listed);
    }
}
