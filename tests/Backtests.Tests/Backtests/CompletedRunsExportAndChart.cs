using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text.Json;
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

    private const string TableHeader = "# Side Entry time Exit time Entry price Exit price Qty PnL PnL % Bars Exit reason";

    [Fact]
    public async Task TheListOfTradesHasAnEntryAndAnExitRowPerStoredTrade()
    {
        var client = factory.CreateClient();
        var trades = await TradesAsync(client);

        using var response = await client.GetAsync($"/api/v1/backtests/{_id}/export/list_of_trades");
        var rows = Reports.ReportSamples.ParseCsv(await response.Content.ReadAsByteArrayAsync())[1..];

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"attachment; filename=backtest_{_id}_list_of_trades.csv", response.Content.Headers.ContentDisposition?.ToString());
        Assert.NotEmpty(trades);
        Assert.Equal(2 * trades.Count, rows.Count);
        Assert.All(trades.Select((trade, index) => (trade, index)), item =>
        {
            var (trade, index) = item;
            var (entry, exit) = (rows[2 * index], rows[2 * index + 1]);
            var number = $"{index + 1}";
            var side = Side(trade);
            Assert.Equal([number, $"Entry {side}", Minute(trade.GetProperty("entry_time")), Fixed(trade, "price", 3), Fixed(trade, "qty", 3)], entry[..3].Concat(entry[4..6]));
            Assert.Equal([number, $"Exit {side}", Minute(trade.GetProperty("exit_time")), Fixed(trade, "exit_price", 3)], exit[..3].Append(exit[4]));
            Assert.Equal(Fixed(trade, "pnl", 2), entry[7]);
            Assert.Equal(Fixed(trade, "pnl", 2), exit[7]);
            Assert.Equal([Fixed(trade, "run_up", 2), Fixed(trade, "run_up_pct", 2), Fixed(trade, "drawdown", 2), Fixed(trade, "drawdown_pct", 2)], entry[9..13]);
        });
        Assert.Contains(trades, trade => trade.GetProperty("run_up").GetDouble() > 0);
        Assert.Contains(trades, trade => trade.GetProperty("drawdown").GetDouble() > 0);
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
    public async Task ThePdfPrintsTheRunsFiguresAndEveryTrade()
    {
        var client = factory.CreateClient();
        var run = await BacktestRequests.GetAsync(client, _id);
        var trades = await TradesAsync(client);

        using var response = await client.GetAsync($"/api/v1/backtests/{_id}/export/pdf");
        var pdf = Reports.PdfText.Read(await response.Content.ReadAsByteArrayAsync());
        var summary = string.Join('\n', pdf.Pages[0]);
        var rows = Enumerable.Range(3, pdf.Pages.Count - 2).SelectMany(page => pdf.LinesAfter(page, TableHeader)).ToList();

        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"Backtest {_id} report: BTCUSDT 60", pdf.Title);
        Assert.Equal(Money(run, "initial_capital") + " USDT", Printed(summary, "Initial capital"));
        Assert.Equal(Money(run, "final_capital") + " USDT", Printed(summary, "Final capital"));
        Assert.Equal(Percent(run, "total_return"), Printed(summary, "Total return"));
        Assert.Equal(Percent(run, "win_rate"), Printed(summary, "Win rate"));
        Assert.Equal(Percent(run, "max_drawdown"), Printed(summary, "Max drawdown"));
        Assert.Equal($"{run.GetProperty("total_trades").GetInt32()}", Printed(summary, "Total trades"));
        Assert.Equal($"{run.GetProperty("winning_trades").GetInt32()} / {run.GetProperty("losing_trades").GetInt32()}", Printed(summary, "Winning / losing trades"));
        Assert.Equal(Fixed(run, "sharpe_ratio", 2), Printed(summary, "Sharpe ratio"));
        Assert.Equal(run.GetProperty("total_trades").GetInt32(), rows.Count);
        Assert.Equal(
            trades.Select((trade, index) => string.Join(' ', new[]
            {
                $"{index + 1}", Side(trade), Minute(trade.GetProperty("entry_time")), Minute(trade.GetProperty("exit_time")),
                Fixed(trade, "price", 3), Fixed(trade, "exit_price", 3), Fixed(trade, "qty", 3), Fixed(trade, "pnl", 2), Fixed(trade, "pnl_pct", 2),
                $"{trade.GetProperty("bars_held").GetInt32()}", trade.GetProperty("exit_reason").GetString(),
            }.Where(cell => !string.IsNullOrEmpty(cell)))),
            rows);
        Assert.All(Enumerable.Range(1, pdf.Pages.Count), page => Assert.EndsWith($"Page {page} of {pdf.Pages.Count}", pdf.Pages[page - 1][^1], StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheJsonExportCarriesTheRunsFigures()
    {
        var client = factory.CreateClient();
        var run = await BacktestRequests.GetAsync(client, _id);

        var exported = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/backtests/{_id}/export/json")).RootElement;

        Assert.Equal(_id, exported.GetProperty("backtest_id").GetInt64());
        Assert.Equal("BTCUSDT", exported.GetProperty("symbol").GetString());
        Assert.Equal("60", exported.GetProperty("timeframe").GetString());
        Assert.All(
            (string[])["initial_capital", "final_capital", "total_return", "win_rate", "sharpe_ratio", "max_drawdown"],
            field => Assert.Equal(run.GetProperty(field).GetDouble(), exported.GetProperty(field).GetDouble()));
        Assert.All(
            (string[])["total_trades", "winning_trades", "losing_trades"],
            field => Assert.Equal(run.GetProperty(field).GetInt32(), exported.GetProperty(field).GetInt32()));
        Assert.Equal(run.GetProperty("final_capital").GetDouble() - run.GetProperty("initial_capital").GetDouble(), exported.GetProperty("net_profit").GetDouble(), 6);
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
    }

    [Fact]
    public async Task TheEquityCurveEndsAtTheFinalCapital()
    {
        var client = factory.CreateClient();
        var run = await BacktestRequests.GetAsync(client, _id);

        var equity = Trace(await FigureAsync(client, "equity_curve"), "Equity");

        Assert.Equal(run.GetProperty("final_capital").GetDouble(), equity.GetProperty("y").EnumerateArray().Last().GetDouble(), 6);
    }

    [Fact]
    public async Task ThePnlDistributionHoldsThePnlOfEveryTrade()
    {
        var client = factory.CreateClient();
        var trades = await TradesAsync(client);

        var histogram = Trace(await FigureAsync(client, "pnl_distribution"), "PnL Distribution");

        Assert.Equal(
            trades.Select(trade => trade.GetProperty("pnl").GetDouble()).Order(),
            histogram.GetProperty("x").EnumerateArray().Select(value => value.GetDouble()).Order());
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
    [InlineData("/export/csv", HttpStatusCode.BadRequest, "Invalid report type")]
    [InlineData("/charts/pnl_distribution?bins=5", HttpStatusCode.UnprocessableEntity, "Invalid bins")]
    [InlineData("/charts/equity_curve?format=svg", HttpStatusCode.BadRequest, "Invalid format")]
    public async Task BadReportTypesBinsAndFormatsAreProblemsNamingTheParameter(string path, HttpStatusCode expected, string title)
    {
        using var response = await factory.CreateClient().GetAsync($"/api/v1/backtests/{_id}{path}");
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(title, problem.GetProperty("title").GetString());
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

    private async Task<List<JsonElement>> TradesAsync(HttpClient client) =>
        [.. JsonDocument.Parse(await client.GetStringAsync($"/api/v1/backtests/{_id}/trades?limit=10000")).RootElement.EnumerateArray()];

    private async Task<JsonElement> FigureAsync(HttpClient client, string chart)
    {
        var answer = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/backtests/{_id}/charts/{chart}")).RootElement;
        return JsonDocument.Parse(answer.GetProperty("plotly_json").GetString()!).RootElement.Clone();
    }

    private static JsonElement Trace(JsonElement figure, string name) =>
        figure.GetProperty("data").EnumerateArray().Single(item => item.GetProperty("name").GetString() == name);

    private static string Side(JsonElement trade) => trade.GetProperty("side").GetString() == "buy" ? "long" : "short";

    private static string Minute(JsonElement time) => time.GetDateTimeOffset().UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static string Fixed(JsonElement item, string field, int decimals) =>
        item.GetProperty(field).GetDouble().ToString($"F{decimals}", CultureInfo.InvariantCulture);

    private static string Money(JsonElement item, string field) => item.GetProperty(field).GetDouble().ToString("N2", CultureInfo.InvariantCulture);

    private static string Percent(JsonElement item, string field) => (item.GetProperty(field).GetDouble() * 100).ToString("N2", CultureInfo.InvariantCulture) + " %";

    /// <summary>The value printed after <paramref name="label"/> in the summary table: up to its unit, or the next label.</summary>
    private static string Printed(string summary, string label) =>
        System.Text.RegularExpressions.Regex.Match(summary, $"(?m)(?:^| ){System.Text.RegularExpressions.Regex.Escape(label)} (-?[0-9,.]+(?: USDT| %| / [0-9]+)?)").Groups[1].Value;
}
