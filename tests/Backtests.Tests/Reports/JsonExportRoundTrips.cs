using System.Text.Json.Nodes;
using Platform.Backtests.Reports;

namespace Platform.Backtests.Tests.Reports;

public sealed class JsonExportRoundTrips
{
    [Fact]
    public async Task CarriesTheWholeResultDocument()
    {
        var json = await ReportSamples.ExportAsync(ReportType.Json, ReportSamples.Engine());

        var exported = JsonNode.Parse(json)!;
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(ReportSamples.Text("engine_result.json")), exported["results"]));
    }

    [Fact]
    public async Task CarriesTheBacktestsSummaryFields()
    {
        var json = await ReportSamples.ExportAsync(ReportType.Json, ReportSamples.Engine());

        var exported = JsonNode.Parse(json)!;
        Assert.Equal(7, (long)exported["backtest_id"]!);
        Assert.Equal("BTCUSDT", (string)exported["symbol"]!);
        Assert.Equal("60", (string)exported["timeframe"]!);
        Assert.Equal("SMA crossover", (string)exported["strategy"]!);
        Assert.Equal("2025-01-01T00:00:00+00:00", (string)exported["start_date"]!);
        Assert.Equal(10_000, (double)exported["initial_capital"]!);
        Assert.Equal(10_081.8, (double)exported["final_capital"]!);
        Assert.Equal(0.00818, (double)exported["total_return"]!);
        Assert.Equal(3, (int)exported["total_trades"]!);
        Assert.Equal(3.942, (double)exported["profit_factor"]!);
        Assert.Equal(81.8, (double)exported["net_profit"]!);
    }

    [Fact]
    public async Task AnInfiniteProfitFactorIsNull()
    {
        var input = ReportSamples.Read("""{"trades": [{"entry_time": 1735689600, "exit_time": 1735693200, "entry_price": 1, "exit_price": 2, "quantity": 1, "pnl": 1}]}""");

        var exported = JsonNode.Parse(await ReportSamples.ExportAsync(ReportType.Json, input))!;

        Assert.Null(input.Summary.ProfitFactor);
        Assert.Null(exported["profit_factor"]);
        Assert.Equal(10_001, (double)exported["final_capital"]!);
    }
}
