using System.Text.Json;
using Platform.Backtests.Tests.Backtests;

namespace Platform.Backtests.Tests.Equity;

public sealed class EquityAndTradesChartAreDocumented(ApiOnlyBacktestsFactory factory) : IClassFixture<ApiOnlyBacktestsFactory>
{
    [Fact]
    public async Task TheOpenApiDocumentListsBothWithTheirFormats()
    {
        using var timeout = new CancellationTokenSource(SubmittedRuns.Timeout);

        var paths = JsonDocument.Parse(await factory.CreateClient().GetStringAsync("/openapi/v1.json", timeout.Token)).RootElement.GetProperty("paths");

        var equity = paths.GetProperty("/api/v1/backtests/{id}/equity").GetProperty("get");

        Assert.Equal("BacktestEquity", equity.GetProperty("operationId").GetString());
        Assert.Equal(
            ["application/json", "application/x-platform-equity", "text/csv"],
            equity.GetProperty("responses").GetProperty("200").GetProperty("content").EnumerateObject().Select(type => type.Name).Order(StringComparer.Ordinal));
        Assert.Equal("TradesChart", paths.GetProperty("/api/v1/backtests/{id}/charts/trades").GetProperty("get").GetProperty("operationId").GetString());
    }
}
