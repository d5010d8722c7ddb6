using System.Buffers.Binary;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Backtests.Tests.Backtests;
using Platform.Backtests.Tests.Equity;

namespace Platform.Backtests.Tests.Charts;

/// <summary>
/// A completed run of 500 hourly BTCUSDT bars with four trades a worker submitted: the trades chart draws the run's
/// candles and marks each entry and exit at its exact time and price.
/// </summary>
public sealed class TradesChartMarksEveryTrade(ApiOnlyBacktestsFactory factory) : IClassFixture<ApiOnlyBacktestsFactory>, IAsyncLifetime
{
    private const string Symbol = "BTCUSDT";
    private const int Hours = 500;

    private static readonly DateTimeOffset Start = BacktestRequests.Start;

    // (side, entry, entry price, exit, exit price, pnl): two longs, two shorts, the last one still open.
    private static readonly (string Side, DateTimeOffset Entry, double EntryPrice, DateTimeOffset? Exit, double? ExitPrice, double? Pnl)[] Trades =
    [
        ("long", Start.AddHours(53), 101.5, Start.AddHours(81), 103.25, 1.75),
        ("short", Start.AddHours(106), 99.125, Start.AddHours(120), 98.5, 0.625),
        ("long", Start.AddHours(216), 100, Start.AddHours(264), 97, -3),
        ("short", Start.AddHours(469), 102, null, null, null),
    ];

    private long _id;

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(SubmittedRuns.Timeout);
        _id = await SubmittedRuns.CompleteAsync(
            factory.CreateClient(),
            [.. Trades.Select(t => (JsonNode)SubmittedRuns.Trade(t.Entry, t.Exit, t.Side, t.EntryPrice, t.ExitPrice, t.Pnl))],
            [new JsonObject { ["timestamp"] = Start.ToString("O"), ["equity"] = 10_000 }],
            timeout.Token,
            hours: Hours);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task EntriesAndExitsSitAtEachTradesTimeAndPrice()
    {
        using var timeout = new CancellationTokenSource(SubmittedRuns.Timeout);

        var figure = await TradeCharts.FigureAsync(factory.CreateClient(), _id, "", timeout.Token);

        var longs = Trades.Where(t => t.Side == "long").ToList();
        var shorts = Trades.Where(t => t.Side == "short").ToList();
        var exits = Trades.Where(t => t.Exit is not null).OrderBy(t => t.Exit).ToList();
        Assert.Equal(longs.Select(t => TradeCharts.Time(t.Entry)), TradeCharts.Times(TradeCharts.Trace(figure, "Long entry")));
        Assert.Equal(longs.Select(t => t.EntryPrice), TradeCharts.Values(TradeCharts.Trace(figure, "Long entry")));
        Assert.Equal(shorts.Select(t => TradeCharts.Time(t.Entry)), TradeCharts.Times(TradeCharts.Trace(figure, "Short entry")));
        Assert.Equal(shorts.Select(t => t.EntryPrice), TradeCharts.Values(TradeCharts.Trace(figure, "Short entry")));
        Assert.Equal(exits.Select(t => TradeCharts.Time(t.Exit!.Value)), TradeCharts.Times(TradeCharts.Trace(figure, "Exit")));
        Assert.Equal(exits.Select(t => t.ExitPrice!.Value), TradeCharts.Values(TradeCharts.Trace(figure, "Exit")));
    }

    [Fact]
    public async Task MarkersAreDistinguishedAndHoverWithSidePriceAndPnl()
    {
        using var timeout = new CancellationTokenSource(SubmittedRuns.Timeout);

        var figure = await TradeCharts.FigureAsync(factory.CreateClient(), _id, "", timeout.Token);

        Assert.Equal(
            [("triangle-up", "#2A9D8F"), ("triangle-down", "#E63946"), ("x", "#1D3557")],
            new[] { "Long entry", "Short entry", "Exit" }.Select(name => TradeCharts.Trace(figure, name).GetProperty("marker")).Select(marker =>
                (marker.GetProperty("symbol").GetString(), marker.GetProperty("color").GetString())));
        Assert.Equal(
            "Long entry<br>2024-01-03 05:00:00 UTC<br>Price: 101.5<br>PnL: 1.75",
            TradeCharts.Trace(figure, "Long entry").GetProperty("text")[0].GetString());
        Assert.Equal(
            "Exit short<br>2024-01-06 00:00:00 UTC<br>Price: 98.5<br>PnL: 0.63<br>Reason: signal",
            TradeCharts.Trace(figure, "Exit").GetProperty("text")[1].GetString());
        Assert.Equal("Short entry<br>2024-01-20 13:00:00 UTC<br>Price: 102<br>PnL: n/a", TradeCharts.Trace(figure, "Short entry").GetProperty("text")[1].GetString());
    }

    [Fact]
    public async Task ThePriceLineIsEveryCandleCloseOfTheRun()
    {
        using var timeout = new CancellationTokenSource(SubmittedRuns.Timeout);

        var figure = await TradeCharts.FigureAsync(factory.CreateClient(), _id, "", timeout.Token);
        var price = TradeCharts.Trace(figure, "Price");
        var meta = figure.GetProperty("layout").GetProperty("meta");

        var hours = Enumerable.Range(0, Hours).Select(hour => Start.AddHours(hour)).ToList();
        Assert.Equal(hours.Select(TradeCharts.Time), TradeCharts.Times(price));
        Assert.Equal(hours.Select(hour => TradeCharts.Close(Symbol, hour)), TradeCharts.Values(price));
        Assert.Equal((Hours, Hours, 4, 4, false), (meta.GetProperty("bars").GetInt32(), meta.GetProperty("price_points").GetInt32(),
            meta.GetProperty("trades_total").GetInt32(), meta.GetProperty("trades_shown").GetInt32(), meta.GetProperty("truncated").GetBoolean()));
        Assert.Equal("BTCUSDT 60: Price & Trades", figure.GetProperty("layout").GetProperty("title").GetProperty("text").GetString());
        Assert.False(figure.GetProperty("layout").TryGetProperty("annotations", out _));
    }

    [Fact]
    public async Task StartAndEndZoomIntoTheirCandlesAndMarkers()
    {
        using var timeout = new CancellationTokenSource(SubmittedRuns.Timeout);
        var (from, to) = (Start.AddHours(72), Start.AddHours(240));

        var figure = await TradeCharts.FigureAsync(factory.CreateClient(), _id, $"&start={from.ToUnixTimeMilliseconds()}&end={Uri.EscapeDataString(to.ToString("O"))}", timeout.Token);

        var price = TradeCharts.Times(TradeCharts.Trace(figure, "Price"));
        Assert.Equal(168, price.Length);
        Assert.Equal((TradeCharts.Time(from), TradeCharts.Time(to.AddHours(-1))), (price[0], price[^1]));
        Assert.Equal([TradeCharts.Time(Trades[2].Entry)], TradeCharts.Times(TradeCharts.Trace(figure, "Long entry")));
        Assert.Equal([TradeCharts.Time(Trades[1].Entry)], TradeCharts.Times(TradeCharts.Trace(figure, "Short entry")));
        Assert.Equal([TradeCharts.Time(Trades[0].Exit!.Value), TradeCharts.Time(Trades[1].Exit!.Value)], TradeCharts.Times(TradeCharts.Trace(figure, "Exit")));
        Assert.Equal(3, figure.GetProperty("layout").GetProperty("meta").GetProperty("trades_total").GetInt32());
    }

    [Fact]
    public async Task TheDefaultAnswerIsTheFigureAsAPlotlyJsonString()
    {
        using var timeout = new CancellationTokenSource(SubmittedRuns.Timeout);

        var answer = JsonDocument.Parse(await factory.CreateClient().GetStringAsync($"/api/v1/backtests/{_id}/charts/trades", timeout.Token)).RootElement;
        var figure = JsonDocument.Parse(answer.GetProperty("plotly_json").GetString()!).RootElement;

        Assert.Equal(["Price", "Long entry", "Short entry", "Exit"], figure.GetProperty("data").EnumerateArray().Select(trace => trace.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task PngIsATwelveHundredBySixHundredImage()
    {
        using var timeout = new CancellationTokenSource(SubmittedRuns.Timeout);

        using var response = await factory.CreateClient().GetAsync($"/api/v1/backtests/{_id}/charts/trades?format=png", timeout.Token);
        var png = await response.Content.ReadAsByteArrayAsync(timeout.Token);

        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], png[..8]);
        Assert.Equal((1200, 600), (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20))));
    }

    [Theory]
    [InlineData("?format=svg", HttpStatusCode.BadRequest, "Invalid format", "")]
    [InlineData("?start=yesterday", HttpStatusCode.BadRequest, null, "start")]
    [InlineData("?start=2024-01-05T00:00:00Z&end=2024-01-04T00:00:00Z", HttpStatusCode.BadRequest, null, "end")]
    [InlineData("?start=2025-01-01T00:00:00Z", HttpStatusCode.UnprocessableEntity, "Nothing to chart", "")]
    public async Task BadFormatsAndWindowsAreProblems(string query, HttpStatusCode expected, string? title, string field)
    {
        using var timeout = new CancellationTokenSource(SubmittedRuns.Timeout);

        var (status, problem) = await BacktestRequests.ProblemAsync(factory.CreateClient().GetAsync($"/api/v1/backtests/{_id}/charts/trades{query}", timeout.Token));

        Assert.Equal(expected, status);
        if (title is not null)
        {
            Assert.Equal(title, problem.GetProperty("title").GetString());
        }
        Assert.Equal(field.Length == 0 ? [] : [field], BacktestRequests.ErrorFields(problem));
    }

    [Fact]
    public async Task UnknownAndQueuedRunsAreNotCharted()
    {
        using var timeout = new CancellationTokenSource(SubmittedRuns.Timeout);
        var client = factory.CreateClient();
        var strategyId = await BacktestRequests.CreateStrategyAsync(client, $"trades-queued-{Guid.NewGuid():N}");
        var queued = (await BacktestRequests.CreateAsync(client, BacktestRequests.Backtest(strategyId))).GetProperty("id").GetInt64();

        var (missing, _) = await BacktestRequests.ProblemAsync(client.GetAsync("/api/v1/backtests/999999/charts/trades", timeout.Token));
        var (unfinished, problem) = await BacktestRequests.ProblemAsync(client.GetAsync($"/api/v1/backtests/{queued}/charts/trades", timeout.Token));

        Assert.Equal(HttpStatusCode.NotFound, missing);
        Assert.Equal(HttpStatusCode.BadRequest, unfinished);
        Assert.Equal("Backtest must be completed to generate charts", problem.GetProperty("detail").GetString());
    }
}
