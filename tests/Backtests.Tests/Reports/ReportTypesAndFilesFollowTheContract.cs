using Platform.Backtests.Reports;

namespace Platform.Backtests.Tests.Reports;

public sealed class ReportTypesAndFilesFollowTheContract
{
    [Theory]
    [InlineData("list_of_trades", nameof(ReportType.ListOfTrades), "backtest_12_list_of_trades.csv", "text/csv; charset=utf-8")]
    [InlineData("performance", nameof(ReportType.Performance), "backtest_12_performance.csv", "text/csv; charset=utf-8")]
    [InlineData("risk_ratios", nameof(ReportType.RiskRatios), "backtest_12_risk_ratios.csv", "text/csv; charset=utf-8")]
    [InlineData("trades_analysis", nameof(ReportType.TradesAnalysis), "backtest_12_trades_analysis.csv", "text/csv; charset=utf-8")]
    [InlineData("all", nameof(ReportType.All), "backtest_12_reports.zip", "application/zip")]
    [InlineData("json", nameof(ReportType.Json), "backtest_12_report.json", "application/json")]
    [InlineData("pdf", nameof(ReportType.Pdf), "backtest_12_report.pdf", "application/pdf")]
    public void EachTypeHasItsFileNameAndContentType(string name, string typeName, string fileName, string contentType)
    {
        var type = Enum.Parse<ReportType>(typeName);
        Assert.True(ReportTypes.TryParse(name, out var parsed));
        Assert.Equal(type, parsed);
        Assert.Equal(name, type.Name());
        Assert.Equal(new ExportFile(fileName, contentType), ExportFile.For(type, 12));
        Assert.Equal($"attachment; filename={fileName}", ExportFile.For(type, 12).ContentDisposition);
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("PDF")]
    [InlineData("")]
    [InlineData(null)]
    public void OtherNamesAreRefused(string? name) => Assert.False(ReportTypes.TryParse(name, out _));

    [Fact]
    public void ErrorsAreWordedAsTheOriginals()
    {
        Assert.Equal(
            "Invalid report_type: csv. Must be one of: list_of_trades, performance, risk_ratios, trades_analysis, all, json, pdf",
            ReportErrors.InvalidReportType("csv"));
        Assert.Equal("Backtest must be completed to export reports", ReportErrors.NotCompleted);
        Assert.Equal("Backtest not found", ReportErrors.BacktestNotFound);
    }
}
