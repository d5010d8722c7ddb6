using System.Net.Http.Json;
using System.Text.Json;
using Platform.Testing.FakeBybit;

namespace Platform.MarketData.Tests.Bybit;

/// <summary>The fake's kline windows and envelope follow docs/bybit.md, 1.2 and 2.1, which the client tests rely on.</summary>
public sealed class FakeBybitAnswersLikeBybit : IAsyncLifetime
{
    private const long Minute = 60_000;
    private static readonly DateTimeOffset Now = new(2025, 3, 10, 8, 30, 20, TimeSpan.Zero);
    private static readonly long Current = Now.ToUnixTimeMilliseconds() / Minute * Minute;

    private FakeBybitServer _fake = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeBybitServer.StartAsync();
        _fake.Clock = () => Now;
        _http = new HttpClient { BaseAddress = _fake.BaseAddress };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _fake.DisposeAsync();
    }

    [Fact]
    public async Task TheEnvelopeHasBybitsKeysInOrderAndStringValues()
    {
        var body = await GetAsync("/v5/market/kline?symbol=BTCUSDT&interval=1&limit=2");

        Assert.Equal(["retCode", "retMsg", "result", "retExtInfo", "time"], body.EnumerateObject().Select(property => property.Name));
        Assert.Equal((0, "OK", Now.ToUnixTimeMilliseconds()), (body.GetProperty("retCode").GetInt32(), body.GetProperty("retMsg").GetString(), body.GetProperty("time").GetInt64()));
        var row = body.GetProperty("result").GetProperty("list")[0];
        Assert.Equal(7, row.GetArrayLength());
        Assert.All(row.EnumerateArray(), value => Assert.Equal(JsonValueKind.String, value.ValueKind));
    }

    [Fact]
    public async Task WithoutBoundsTheNewestBarsComeNewestFirstIncludingTheOpenOne() =>
        Assert.Equal([Current, Current - Minute, Current - 2 * Minute], await OpenTimesAsync("interval=1&limit=3"));

    [Fact]
    public async Task StartAloneAnchorsTheWindowAtStart() =>
        Assert.Equal([Current - 8 * Minute, Current - 9 * Minute, Current - 10 * Minute], await OpenTimesAsync($"interval=1&limit=3&start={Current - 10 * Minute}"));

    [Fact]
    public async Task BothBoundsAnchorTheWindowAtEnd() =>
        Assert.Equal([Current - 2 * Minute, Current - 3 * Minute], await OpenTimesAsync($"interval=1&limit=2&start={Current - 10 * Minute}&end={Current - 2 * Minute}"));

    [Fact]
    public async Task NothingOpensBeforeTheListing()
    {
        _fake.SetListingTime("BTCUSDT", DateTimeOffset.FromUnixTimeMilliseconds(Current - Minute));

        Assert.Equal([Current, Current - Minute], await OpenTimesAsync("interval=1&limit=5"));
    }

    [Fact]
    public async Task DefaultLimitIs200AndMoreThan1000IsAParameterError()
    {
        Assert.Equal(200, (await OpenTimesAsync("interval=1")).Count);
        Assert.Equal(10001, (await GetAsync("/v5/market/kline?symbol=BTCUSDT&interval=1&limit=1001")).GetProperty("retCode").GetInt32());
    }

    [Fact]
    public async Task MonthsStartOnTheFirst() =>
        Assert.Equal(
            [new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2025, 2, 1, 0, 0, 0, TimeSpan.Zero)],
            (await OpenTimesAsync("interval=M&limit=2")).Select(DateTimeOffset.FromUnixTimeMilliseconds));

    [Fact]
    public async Task CandlesKeepHighAboveAndLowBelowOpenAndClose()
    {
        var rows = (await GetAsync("/v5/market/kline?symbol=ANYUSDT&interval=5&limit=1000")).GetProperty("result").GetProperty("list");

        Assert.All(rows.EnumerateArray().Select(row => row.EnumerateArray().Skip(1).Take(4).Select(value => decimal.Parse(value.GetString()!, System.Globalization.CultureInfo.InvariantCulture)).ToArray()), prices =>
        {
            Assert.True(prices[1] >= Math.Max(prices[0], prices[3]));
            Assert.True(prices[2] <= Math.Min(prices[0], prices[3]));
            Assert.True(prices[2] > 0);
        });
    }

    private async Task<List<long>> OpenTimesAsync(string query)
    {
        var body = await GetAsync($"/v5/market/kline?symbol=BTCUSDT&{query}");
        return [.. body.GetProperty("result").GetProperty("list").EnumerateArray().Select(row => long.Parse(row[0].GetString()!, System.Globalization.CultureInfo.InvariantCulture))];
    }

    private async Task<JsonElement> GetAsync(string path)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await _http.GetFromJsonAsync<JsonElement>(path, timeout.Token);
    }
}
