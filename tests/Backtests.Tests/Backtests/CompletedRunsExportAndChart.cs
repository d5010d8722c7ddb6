using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text.Json;
using CsvHelper;
using Platform.Testing;

namespace Platform.Backtests.Tests.Backtests;

public sealed class CompletedRunsExportAndChart(BacktestsFactory factory) : IClassFixture<BacktestsFactory>, IAsyncLifetime
{
    private long _id;

    public async Task InitializeAsync()
    {
        var client = factory.CreateClient();
        var strategyId = await BacktestRequests.CreateStrategyAsync(client, $"exports-{Guid.NewGuid():N}");
        _id = (await BacktestRequests.CreateAsync(client, BacktestRequests.Backtest(strategyId, hours: 1_000))).GetProperty("id").GetInt64();
        await Eventually.ReturnsAsync(
            () => BacktestRequests.GetAsync(client, _id), run => run.GetProperty("status").GetString() == "completed", TimeSpan.FromSeconds(60), "the run to complete");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task TheListOfTradesHasTwoRowsPerStoredTrade()
    {
        var client = factory.CreateClient();
        var trades = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/backtests/{_id}/trades")).RootElement;

        using var response = await client.GetAsync($"/api/v1/backtests/{_id}/export/list_of_trades");
        using var csv = new CsvReader(new StringReader(await response.Content.ReadAsStringAsync()), CultureInfo.InvariantCulture);
        var rows = csv.GetRecords<dynamic>().ToList();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"attachment; filename=backtest_{_id}_list_of_trades.csv", response.Content.Headers.ContentDisposition?.ToString());
        Assert.Equal(2 * trades.GetArrayLength(), rows.Count);
    }

    [Fact]
    public async Task AllIsAZipOfTheFourReports()
    {
        using var response = await factory.CreateClient().GetAsync($"/api/v1/backtests/{_id}/export/all");
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync());

        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(
            ["list_of_trades", "performance", "risk_ratios", "trades_analysis"],
            zip.Entries.Select(entry => entry.Name.Replace($"backtest_{_id}_", "", StringComparison.Ordinal).Replace(".csv", "", StringComparison.Ordinal)).Order());
    }

    [Fact]
    public async Task ThePdfIsAMultiPageDocument()
    {
        using var response = await factory.CreateClient().GetAsync($"/api/v1/backtests/{_id}/export/pdf");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(bytes, 0, 5), StringComparison.Ordinal);
        Assert.True(System.Text.RegularExpressions.Regex.Matches(System.Text.Encoding.Latin1.GetString(bytes), @"/Type\s*/Page\b").Count >= 2);
    }

    [Fact]
    public async Task TheJsonExportCarriesTheMetrics()
    {
        var document = JsonDocument.Parse(await factory.CreateClient().GetStringAsync($"/api/v1/backtests/{_id}/export/json")).RootElement;

        Assert.True(document.ToString().Contains("final_capital", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("equity_curve", "Equity")]
    [InlineData("drawdown_overlay", "Equity")]
    [InlineData("pnl_distribution", "PnL Distribution")]
    public async Task ChartsComeAsPlotlyJsonStrings(string chart, string trace)
    {
        var answer = JsonDocument.Parse(await factory.CreateClient().GetStringAsync($"/api/v1/backtests/{_id}/charts/{chart}")).RootElement;
        var figure = JsonDocument.Parse(answer.GetProperty("plotly_json").GetString()!).RootElement;

        Assert.Contains(figure.GetProperty("data").EnumerateArray(), item => item.GetProperty("name").GetString() == trace);
        Assert.True(figure.TryGetProperty("layout", out _));
    }

    [Fact]
    public async Task AChartRendersAsPng()
    {
        using var response = await factory.CreateClient().GetAsync($"/api/v1/backtests/{_id}/charts/equity_curve?format=png&show_drawdown=false");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
    }

    [Theory]
    [InlineData("/export/csv", HttpStatusCode.BadRequest)]
    [InlineData("/charts/pnl_distribution?bins=5", HttpStatusCode.UnprocessableEntity)]
    [InlineData("/charts/equity_curve?format=svg", HttpStatusCode.BadRequest)]
    public async Task BadReportTypesBinsAndFormatsAreProblems(string path, HttpStatusCode expected)
    {
        using var response = await factory.CreateClient().GetAsync($"/api/v1/backtests/{_id}{path}");

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task AQueuedRunCannotBeExportedOrCharted()
    {
        var client = factory.CreateClient();
        var strategyId = await BacktestRequests.CreateStrategyAsync(client, $"not-done-{Guid.NewGuid():N}");
        var body = BacktestRequests.Backtest(strategyId);
        body["symbol"] = "NEVERUSDT";
        factory.MarketData.Bybit.AddUnknownSymbol("NEVERUSDT");
        var id = (await BacktestRequests.CreateAsync(client, body)).GetProperty("id").GetInt64();

        using var export = await client.GetAsync($"/api/v1/backtests/{id}/export/performance");
        using var chart = await client.GetAsync($"/api/v1/backtests/{id}/charts/equity_curve");
        using var missing = await client.GetAsync("/api/v1/backtests/999999/export/performance");

        Assert.Equal(HttpStatusCode.BadRequest, export.StatusCode);
        Assert.Contains("must be completed", await export.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, chart.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
