namespace Platform.Backtests.Tests.Reports;

public sealed class ReportSummaryFallsBackToTheTrades
{
    [Fact]
    public void TakesTheDocumentsFiguresWhenItHasThem()
    {
        var summary = ReportSamples.Engine().Summary;

        Assert.Equal(
            (10_081.8, 0.00818, 3, 2, 1, 0.6667, 1.23, 2.34, 0.00554, 3.942),
            (summary.FinalCapital, summary.TotalReturn, summary.TotalTrades, summary.WinningTrades, summary.LosingTrades,
                summary.WinRate, summary.SharpeRatio, summary.SortinoRatio, summary.MaxDrawdown, summary.ProfitFactor));
        Assert.Equal((81.8, 109.6, 27.8, 8.2), (summary.NetProfit, summary.GrossProfit, summary.GrossLoss, summary.TotalCommission));
    }

    [Fact]
    public void WorksOutWhatTheDocumentLeavesOut()
    {
        // The sample's trades without any figure: +95.40, −27.80, +14.20 closed, one open.
        var trades = System.Text.Json.Nodes.JsonNode.Parse(ReportSamples.Text("engine_result.json"))!["trades"]!.ToJsonString();
        var summary = ReportSamples.Read($$"""{"trades": {{trades}}}""").Summary;

        Assert.Equal(10_081.8, summary.FinalCapital, 9);
        Assert.Equal(81.8 / 10_000, summary.TotalReturn, 12);
        Assert.Equal((3, 2, 1), (summary.TotalTrades, summary.WinningTrades, summary.LosingTrades));
        Assert.Equal(2.0 / 3, summary.WinRate, 12);
        Assert.Equal(109.6 / 27.8, summary.ProfitFactor!.Value, 12);

        // No equity curve: the cumulative trade path 10 000 → 10 095.40 → 10 067.60 falls 27.80.
        Assert.Equal(27.8 / 10_000, summary.MaxDrawdown, 12);
        Assert.Equal(8.2, summary.TotalCommission, 12);
        Assert.Null(summary.SharpeRatio);
    }

    [Fact]
    public void MeasuresDrawdownOnTheEquityCurveWhenThereIsOne()
    {
        var summary = ReportSamples.Read("""{"equity": [{"time": 0, "equity": 10000}, {"time": 1, "equity": 10400}, {"time": 2, "equity": 9900}, {"time": 3, "equity": 10100}]}""").Summary;

        Assert.Equal(500.0 / 10_000, summary.MaxDrawdown, 12);
    }

    [Fact]
    public void AStoredNullProfitFactorMeansNoLosses()
    {
        Assert.Null(ReportSamples.Read("""{"profit_factor": null}""").Summary.ProfitFactor);
        Assert.Equal(0, ReportSamples.Read("{}").Summary.ProfitFactor);
    }
}
