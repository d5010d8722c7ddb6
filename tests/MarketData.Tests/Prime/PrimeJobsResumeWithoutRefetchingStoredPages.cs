using System.Text.Json;
using Platform.MarketData.Tests.Uploads;
using Platform.Testing;
using Platform.Testing.FakeBybit;

namespace Platform.MarketData.Tests.Prime;

/// <summary>
/// A 10-page backfill whose worker goes away after a few pages: the next worker starts at the stored cursor, so the fake
/// Bybit's request log holds every page stored before the stop exactly once, and only the page in flight at the stop twice.
/// </summary>
public sealed class PrimeJobsResumeWithoutRefetchingStoredPages(ApiOnlyMarketDataFactory factory) : IClassFixture<ApiOnlyMarketDataFactory>
{
    private const int Pages = 10;
    private const long Minute = 60_000;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task AfterTheWorkerShutsDownGracefully()
    {
        const string symbol = "GRACEUSDT";
        var (client, location) = await StartBackfillAsync(symbol);
        var first = await factory.StartReplicaAsync(("Prime:Concurrency", "1"));
        await WaitForPagesAsync(client, location);

        await first.DisposeAsync();
        var stopped = await JobAsync(client, location);
        await using var second = await factory.StartReplicaAsync(("Prime:Concurrency", "1"));
        var finished = await PrimeJobsBackfillTheStore.WaitForStatusAsync(client, location, "completed");

        // A graceful stop hands the job back at once, without spending an attempt.
        Assert.Equal("queued", stopped.GetProperty("status").GetString());
        Assert.Equal(0, stopped.GetProperty("attempts").GetInt32());
        Assert.Equal(1, finished.GetProperty("attempts").GetInt32());
        await AssertResumedAsync(symbol, stopped, finished);
    }

    [Fact]
    public async Task AfterTheWorkerProcessIsKilled()
    {
        const string symbol = "KILLEDUSDT";
        var (client, location) = await StartBackfillAsync(symbol);
        var settings = new Dictionary<string, string?>(factory.Settings)
        {
            ["Prime:Concurrency"] = "1",
            ["Prime:Lease"] = "00:00:02",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        await using var first = await ServiceProcess.StartAsync("MarketData", settings);
        await WaitForPagesAsync(client, location);

        await first.KillAsync();
        var killed = await JobAsync(client, location);
        await using var second = await factory.StartReplicaAsync(("Prime:Concurrency", "1"));
        var finished = await PrimeJobsBackfillTheStore.WaitForStatusAsync(client, location, "completed");

        // SIGKILL runs no shutdown code: the job stays claimed until its two-second lease runs out, then the next worker takes it.
        Assert.Equal("running", killed.GetProperty("status").GetString());
        Assert.Equal(1, killed.GetProperty("attempts").GetInt32());
        Assert.Equal(2, finished.GetProperty("attempts").GetInt32());
        await AssertResumedAsync(symbol, killed, finished);
    }

    /// <summary>Queues 10 000 one-minute candles (ten pages) of <paramref name="symbol"/>, each page answered after 250 ms.</summary>
    private async Task<(HttpClient Client, string Location)> StartBackfillAsync(string symbol)
    {
        factory.Bybit.SetFault(FakeFault.Delay(TimeSpan.FromMilliseconds(250)), FakeBybitServer.KlinePath, symbol);
        var client = factory.CreateClient();
        using var accepted = await PrimeJobsBackfillTheStore.PrimeAsync(client, ("symbol", symbol), ("intervals", "1"), ("load_limit", "10000"));
        var job = JsonDocument.Parse(await accepted.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(Pages, job.GetProperty("pages_total").GetInt32());
        return (client, accepted.Headers.Location!.ToString());
    }

    private static Task WaitForPagesAsync(HttpClient client, string location) =>
        Eventually.ReturnsAsync(() => JobAsync(client, location), job => job.GetProperty("pages_done").GetInt32() >= 3, Timeout, "three pages stored");

    private async Task AssertResumedAsync(string symbol, JsonElement stopped, JsonElement finished)
    {
        var storedBeforeStop = stopped.GetProperty("pages_done").GetInt32();
        Assert.InRange(storedBeforeStop, 3, Pages - 1);
        Assert.Equal(Pages, finished.GetProperty("pages_done").GetInt32());
        Assert.Equal(10_000, finished.GetProperty("candles_stored").GetInt64());
        Assert.Equal(10_000, await UploadRequests.CountCandlesAsync(factory.DatabaseConnectionString, symbol));

        var starts = factory.Bybit.RequestsFor(symbol).Select(request => request.Number("start")!.Value).ToList();
        long[] pageStarts = [.. starts.Distinct().Order()];
        Assert.Equal(Pages, pageStarts.Length);
        Assert.All(pageStarts.Zip(pageStarts.Skip(1)), pair => Assert.Equal(1_000 * Minute, pair.Second - pair.First));
        var requested = pageStarts.Select(start => starts.Count(requestedStart => requestedStart == start)).ToArray();
        for (var page = 0; page < Pages; page++)
        {
            // The page in flight at the stop was never stored, so the next worker asks for it again.
            var allowed = page == storedBeforeStop ? new[] { 1, 2 } : [1];
            Assert.True(allowed.Contains(requested[page]), $"page {page} was requested {requested[page]} times; {storedBeforeStop} were stored before the stop: [{string.Join(", ", requested)}]");
        }
    }

    private static async Task<JsonElement> JobAsync(HttpClient client, string location) =>
        JsonDocument.Parse(await client.GetStringAsync(location)).RootElement.Clone();
}

/// <summary>A replica that serves the API but runs no backfill worker; replicas started from it do the work.</summary>
public sealed class ApiOnlyMarketDataFactory : MarketDataFactory
{
    public ApiOnlyMarketDataFactory() => Set("Prime:Concurrency", "0");
}
