using Platform.Backtests.Reports;

namespace Platform.Backtests.Tests.Reports;

/// <summary>
/// The engine writes quantity/run_up/drawdown, long/short, ISO times and <c>equity_curve</c>; the original generator and
/// charts read qty/max_profit/max_loss and <c>equity</c>; hand-written documents use LONG/SHORT, buy/sell and epoch times.
/// </summary>
public sealed class EitherFieldSpellingGivesTheSameReports
{
    [Theory]
    [InlineData("list_of_trades")]
    [InlineData("performance")]
    [InlineData("risk_ratios")]
    [InlineData("trades_analysis")]
    public async Task CsvReportsAreIdentical(string reportType)
    {
        Assert.True(ReportTypes.TryParse(reportType, out var type));
        var engine = await ReportSamples.ExportAsync(type, ReportSamples.Engine());
        var legacy = await ReportSamples.ExportAsync(type, ReportSamples.Legacy());

        Assert.Equal(System.Text.Encoding.UTF8.GetString(engine), System.Text.Encoding.UTF8.GetString(legacy));
    }

    [Fact]
    public void TradesReadTheSame()
    {
        var engine = ReportSamples.Engine().Trades;
        var legacy = ReportSamples.Legacy().Trades;

        // The open trade differs only in what the engine spells out (a commission and explicit nulls).
        Assert.Equal(engine.Take(3), legacy.Take(3));
        Assert.All(new[] { engine[3], legacy[3] }, t => Assert.False(t.IsClosed));
    }

    [Fact]
    public void EquityCurvesReadTheSame()
    {
        var engine = ReportSamples.Engine().Equity;
        var legacy = ReportSamples.Legacy().Equity;

        Assert.Equal(engine.Time, legacy.Time);
        Assert.Equal([10_000, 10_050, 10_095.4, 10_040, 10_081.8], legacy.Equity);
        Assert.Equal(engine.Equity, legacy.Equity);
        Assert.Equal(new DateTimeOffset(2025, 1, 1, 2, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds(), legacy.Time[2]);
    }
}
