using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Platform.MarketData.Bybit;
using Platform.Testing.FakeBybit;

namespace Platform.MarketData.Tests.Candles;

public sealed class MissingCandlesAreFetchedBeforeAStreamedRead(MarketDataFactory factory) : IClassFixture<MarketDataFactory>
{
    private const long Hour = 3_600_000;
    private const long Minute = 60_000;
    private const long Start = 1_704_067_200_000;
    private static readonly TimeSpan FailFastRetryAfter = new BybitResilienceOptions().FailFastRetryAfter;
    private static readonly TimeSpan FailFastTimeout = new BybitResilienceOptions().FailFastTimeout;

    [Fact]
    public async Task ARangeOf20000CandlesIsFetchedIn20PagesOfAtMost1000()
    {
        var rows = await ReadAsync("PAGEUSDT", "1", Start, Start + 20_000 * Minute);
        var requests = factory.Bybit.RequestsFor("PAGEUSDT");

        Assert.Equal(20_000, rows.GetArrayLength());
        Assert.Equal(20, requests.Count);
        Assert.All(requests, request => Assert.True(request.Number("limit") <= 1000));
        var times = rows.EnumerateArray().Select(row => row.GetProperty("open_time").GetInt64()).ToList();
        Assert.Equal(Enumerable.Range(0, 20_000).Select(index => Start + index * Minute), times);
        var expected = FakeMarket.Candle("PAGEUSDT", Start + 12_345 * Minute);
        Assert.Equal((double)expected.Close, rows[12_345].GetProperty("close").GetDouble());
        Assert.Equal((double)expected.High, rows[12_345].GetProperty("high").GetDouble());
    }

    [Fact]
    public async Task OnlyTheMissingStretchesAreRequested()
    {
        await ReadAsync("HOLEUSDT", "60", Start + 100 * Hour, Start + 200 * Hour);
        factory.Bybit.ClearRequests();

        var rows = await ReadAsync("HOLEUSDT", "60", Start, Start + 300 * Hour);
        var requests = factory.Bybit.RequestsFor("HOLEUSDT");

        Assert.Equal(300, rows.GetArrayLength());
        Assert.Equal(
            [(Start, Start + 99 * Hour), (Start + 200 * Hour, Start + 299 * Hour)],
            requests.Select(request => (request.Number("start"), request.Number("end"))).Order());
    }

    [Fact]
    public async Task AStoredRangeIsServedWithoutAskingBybit()
    {
        await ReadAsync("ONCEUSDT", "15", Start, Start + 96 * 15 * Minute);
        factory.Bybit.ClearRequests();

        var rows = await ReadAsync("ONCEUSDT", "15", Start, Start + 96 * 15 * Minute);

        Assert.Equal(96, rows.GetArrayLength());
        Assert.Empty(factory.Bybit.RequestsFor("ONCEUSDT"));
    }

    [Fact]
    public async Task BackfillFalseReadsOnlyWhatIsStored()
    {
        var rows = await ReadAsync("NOFILLUSDT", "60", Start, Start + 10 * Hour, backfill: false);

        Assert.Equal(0, rows.GetArrayLength());
        Assert.Empty(factory.Bybit.RequestsFor("NOFILLUSDT"));
    }

    [Fact]
    public async Task NothingBeforeTheListingIsRequestedTwice()
    {
        factory.Bybit.SetListingTime("NEWUSDT", DateTimeOffset.FromUnixTimeMilliseconds(Start + 5_000 * Minute));

        var rows = await ReadAsync("NEWUSDT", "1", Start, Start + 6_000 * Minute);

        Assert.Equal(1_000, rows.GetArrayLength());
        Assert.Equal(Start + 5_000 * Minute, rows[0].GetProperty("open_time").GetInt64());
        Assert.Equal(2, factory.Bybit.RequestsFor("NEWUSDT").Count);
    }

    [Fact]
    public async Task AnUpstreamOutageAnswersServiceUnavailableAtOnceNamingTheMissingRange()
    {
        factory.Bybit.SetFault(FakeFault.ServerError(502), symbol: "DOWNUSDT");
        try
        {
            var watch = Stopwatch.StartNew();
            using var response = await factory.CreateClient(MarketDataFactory.InternalCaller).GetAsync($"/internal/candles?symbol=DOWNUSDT&interval=60&start={Start}&end={Start + 10 * Hour}");
            watch.Stop();
            var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            // The circuit is closed, so the answer asks for FailFastRetryAfter (docs/bybit.md, 4.3).
            Assert.Equal(FailFastRetryAfter, response.Headers.RetryAfter?.Delta);
            Assert.Equal(FailFastRetryAfter.TotalSeconds, problem.GetProperty("retry_after_seconds").GetDouble());
            Assert.Equal("DOWNUSDT", problem.GetProperty("symbol").GetString());
            Assert.Equal("60", problem.GetProperty("interval").GetString());
            Assert.Equal(Start, problem.GetProperty("missing_from").GetInt64());
            Assert.Equal(Start + 9 * Hour, problem.GetProperty("missing_to").GetInt64());
            // An outage is not retried for a caller that holds a worker: one request, and no back-off to wait for.
            Assert.Single(factory.Bybit.RequestsFor("DOWNUSDT"));
            Assert.InRange(watch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(2));
        }
        finally
        {
            factory.Bybit.ClearFaults();
        }
    }

    [Fact]
    public async Task ASilentBybitAnswersServiceUnavailableAfterTheFailFastTimeout()
    {
        factory.Bybit.SetFault(FakeFault.Delay(TimeSpan.FromSeconds(20)), symbol: "MUTEUSDT");
        try
        {
            var watch = Stopwatch.StartNew();
            using var response = await factory.CreateClient(MarketDataFactory.InternalCaller).GetAsync($"/internal/candles?symbol=MUTEUSDT&interval=60&start={Start}&end={Start + 10 * Hour}");
            watch.Stop();
            var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal(Start + 9 * Hour, problem.GetProperty("missing_to").GetInt64());
            Assert.Single(factory.Bybit.RequestsFor("MUTEUSDT"));
            // FailFastTimeout (1.5 s) instead of the factory's AttemptTimeout (5 s), once; the tolerance is for a loaded machine.
            Assert.InRange(watch.Elapsed, FailFastTimeout, FailFastTimeout + TimeSpan.FromSeconds(1));
        }
        finally
        {
            factory.Bybit.ClearFaults();
        }
    }

    private async Task<JsonElement> ReadAsync(string symbol, string interval, long start, long end, bool backfill = true)
    {
        using var response = await factory.CreateClient(MarketDataFactory.InternalCaller).GetAsync(
            $"/internal/candles?symbol={symbol}&interval={interval}&start={start}&end={end}&backfill={backfill.ToString().ToLowerInvariant()}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
