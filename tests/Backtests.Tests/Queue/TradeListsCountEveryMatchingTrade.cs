using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Backtests.Tests.Backtests;
using Platform.Backtests.Tests.Equity;

namespace Platform.Backtests.Tests.Queue;

/// <summary>
/// <c>GET /{id}/trades</c> keeps the contract's array and tells in <c>X-Total-Count</c> how many trades its filter
/// matches in all, whatever the page (docs/api-behaviour.md, 2.10).
/// </summary>
public sealed class TradeListsCountEveryMatchingTrade(ApiOnlyBacktestsFactory factory) : IClassFixture<ApiOnlyBacktestsFactory>, IAsyncLifetime
{
    private const int Longs = 14;
    private const int Shorts = 9;

    private readonly CancellationTokenSource _timeout = new(SubmittedRuns.Timeout);
    private long _id;

    public async Task InitializeAsync()
    {
        // Longs and shorts alternate until the shorts run out, one hour apart.
        var sides = Enumerable.Range(0, Longs + Shorts).Select(index => index < 2 * Shorts && index % 2 == 1 ? "short" : "long").ToList();
        JsonArray trades = [.. sides.Select((side, hour) => (JsonNode)SubmittedRuns.Trade(
            BacktestRequests.Start.AddHours(hour), BacktestRequests.Start.AddHours(hour + 1), side, 100 + hour, 101 + hour, 1))];
        _id = await SubmittedRuns.CompleteAsync(
            factory.CreateClient(), trades, [new JsonObject { ["timestamp"] = BacktestRequests.Start.ToString("O"), ["equity"] = 10_000 }], _timeout.Token);
    }

    public Task DisposeAsync()
    {
        _timeout.Dispose();
        return Task.CompletedTask;
    }

    [Theory]
    [InlineData("", Longs + Shorts, Longs + Shorts)]
    [InlineData("?limit=10", 10, Longs + Shorts)]
    [InlineData("?limit=10&offset=20", Longs + Shorts - 20, Longs + Shorts)]
    [InlineData("?offset=40", 0, Longs + Shorts)]
    [InlineData("?side=buy&limit=5", 5, Longs)]
    [InlineData("?side=short", Shorts, Shorts)]
    [InlineData("?side=SELL&offset=8", Shorts - 8, Shorts)]
    public async Task TheTotalCountsTheFilterNotThePage(string query, int shown, int total)
    {
        using var response = await factory.CreateClient().GetAsync($"/api/v1/backtests/{_id}/trades{query}", _timeout.Token);
        var trades = JsonDocument.Parse(await response.Content.ReadAsStringAsync(_timeout.Token)).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(shown, trades.GetArrayLength());
        Assert.Equal(total.ToString(CultureInfo.InvariantCulture), Assert.Single(response.Headers.GetValues("X-Total-Count")));
    }

    [Fact]
    public async Task APageContinuesWhereTheLastEnded()
    {
        var client = factory.CreateClient();

        var first = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/backtests/{_id}/trades?side=long&limit=4", _timeout.Token)).RootElement;
        var second = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/backtests/{_id}/trades?side=long&limit=4&offset=4", _timeout.Token)).RootElement;

        // Longs open at hours 0, 2, 4 ... 16 while the shorts alternate, then every hour from 18.
        Assert.Equal(
            [0, 2, 4, 6, 8, 10, 12, 14],
            first.EnumerateArray().Concat(second.EnumerateArray()).Select(trade => (int)(trade.GetProperty("entry_time").GetDateTimeOffset() - BacktestRequests.Start).TotalHours));
    }

    [Fact]
    public async Task AnUnknownRunIs404WithoutACount()
    {
        using var response = await factory.CreateClient().GetAsync("/api/v1/backtests/987654/trades", _timeout.Token);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False(response.Headers.Contains("X-Total-Count"));
    }
}
