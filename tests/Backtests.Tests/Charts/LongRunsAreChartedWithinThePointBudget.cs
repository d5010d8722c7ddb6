using System.Text.Json.Nodes;
using Platform.Backtests.Tests.Backtests;
using Platform.Backtests.Tests.Equity;

namespace Platform.Backtests.Tests.Charts;

/// <summary>
/// Two completed runs over 30,000 one-minute bars: the price line is thinned to the chart's point budget keeping its
/// ends and extremes, while every trade keeps its markers; past 5,000 trades the figure marks the first 5,000 and says so.
/// </summary>
public sealed class LongRunsAreChartedWithinThePointBudget(ApiOnlyBacktestsFactory factory) : IClassFixture<ApiOnlyBacktestsFactory>, IAsyncLifetime
{
    private const string Symbol = "BTCUSDT";
    private const int Minutes = 30_000;
    private const int MaxPricePoints = 4_000;
    private const int MaxTrades = 5_000;

    private static readonly DateTimeOffset Start = BacktestRequests.Start;

    private long _run;
    private long _busyRun;

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(SubmittedRuns.Timeout);
        var client = factory.CreateClient();
        JsonArray equity = [new JsonObject { ["timestamp"] = Start.ToString("O"), ["equity"] = 10_000 }];
        _run = await SubmittedRuns.CompleteAsync(client, Trades(300, spacing: 100), equity.DeepClone().AsArray(), timeout.Token, timeframe: "1", hours: Minutes / 60);
        _busyRun = await SubmittedRuns.CompleteAsync(client, Trades(MaxTrades + 3, spacing: 5), equity, timeout.Token, timeframe: "1", hours: Minutes / 60);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ThePriceLineKeepsItsEndsAndExtremesWithinTheBudget()
    {
        using var timeout = new CancellationTokenSource(SubmittedRuns.Timeout);

        var figure = await TradeCharts.FigureAsync(factory.CreateClient(), _run, "", timeout.Token);

        var price = TradeCharts.Trace(figure, "Price");
        var closes = Enumerable.Range(0, Minutes).Select(minute => TradeCharts.Close(Symbol, Start.AddMinutes(minute))).ToList();
        var (times, values) = (TradeCharts.Times(price), TradeCharts.Values(price));
        Assert.InRange(values.Length, MaxPricePoints / 2, MaxPricePoints);
        Assert.Equal((TradeCharts.Time(Start), TradeCharts.Time(Start.AddMinutes(Minutes - 1))), (times[0], times[^1]));
        Assert.Equal((closes.Max(), closes.Min()), (values.Max(), values.Min()));
        Assert.Equal(Minutes, figure.GetProperty("layout").GetProperty("meta").GetProperty("bars").GetInt32());
    }

    [Fact]
    public async Task EveryTradeKeepsItsMarkers()
    {
        using var timeout = new CancellationTokenSource(SubmittedRuns.Timeout);

        var figure = await TradeCharts.FigureAsync(factory.CreateClient(), _run, "", timeout.Token);

        Assert.Equal(Enumerable.Range(0, 150).Select(k => TradeCharts.Time(Entry(2 * k, 100))), TradeCharts.Times(TradeCharts.Trace(figure, "Long entry")));
        Assert.Equal(Enumerable.Range(0, 150).Select(k => TradeCharts.Time(Entry(2 * k + 1, 100))), TradeCharts.Times(TradeCharts.Trace(figure, "Short entry")));
        Assert.Equal(Enumerable.Range(0, 300).Select(k => TradeCharts.Time(Entry(k, 100).AddMinutes(3))), TradeCharts.Times(TradeCharts.Trace(figure, "Exit")));
        Assert.Equal(Enumerable.Range(0, 300).Select(ExitPrice), TradeCharts.Values(TradeCharts.Trace(figure, "Exit")));
    }

    [Fact]
    public async Task PastTheCapTheFirstTradesAreMarkedAndTheFigureSaysSo()
    {
        using var timeout = new CancellationTokenSource(SubmittedRuns.Timeout);

        var figure = await TradeCharts.FigureAsync(factory.CreateClient(), _busyRun, "", timeout.Token);

        var layout = figure.GetProperty("layout");
        var meta = layout.GetProperty("meta");
        var entries = TradeCharts.Times(TradeCharts.Trace(figure, "Long entry")).Concat(TradeCharts.Times(TradeCharts.Trace(figure, "Short entry"))).Order(StringComparer.Ordinal);
        Assert.Equal((MaxTrades + 3, MaxTrades, true), (meta.GetProperty("trades_total").GetInt32(), meta.GetProperty("trades_shown").GetInt32(), meta.GetProperty("truncated").GetBoolean()));
        Assert.Equal("Showing the first 5,000 of 5,003 trades; narrow start and end to see the rest", layout.GetProperty("annotations")[0].GetProperty("text").GetString());
        Assert.Equal(Enumerable.Range(0, MaxTrades).Select(k => TradeCharts.Time(Entry(k, 5))), entries);
        Assert.Equal(MaxTrades, TradeCharts.Times(TradeCharts.Trace(figure, "Exit")).Length);
    }

    [Fact]
    public async Task NarrowingTheWindowReachesTheTradesPastTheCap()
    {
        using var timeout = new CancellationTokenSource(SubmittedRuns.Timeout);
        var from = Entry(MaxTrades, 5);

        var figure = await TradeCharts.FigureAsync(factory.CreateClient(), _busyRun, $"&start={from.ToUnixTimeMilliseconds()}", timeout.Token);

        var meta = figure.GetProperty("layout").GetProperty("meta");
        Assert.Equal((3, false), (meta.GetProperty("trades_total").GetInt32(), meta.GetProperty("truncated").GetBoolean()));
        Assert.Equal(3, TradeCharts.Times(TradeCharts.Trace(figure, "Exit")).Length);
    }

    /// <summary>Trade k enters at minute spacing × k + 7, long when k is even, and leaves three minutes later.</summary>
    private static JsonArray Trades(int count, int spacing) =>
    [
        .. Enumerable.Range(0, count).Select(k => (JsonNode)SubmittedRuns.Trade(
            Entry(k, spacing), Entry(k, spacing).AddMinutes(3), k % 2 == 0 ? "long" : "short", 100 + k * 0.01, ExitPrice(k), k % 3 - 1)),
    ];

    private static DateTimeOffset Entry(int k, int spacing) => Start.AddMinutes(spacing * k + 7);

    private static double ExitPrice(int k) => 101 + k * 0.25;
}
