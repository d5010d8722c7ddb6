using System.Text.Json;
using Platform.MarketData.Tests.Uploads;
using Platform.Testing;
using Platform.Testing.FakeBybit;

namespace Platform.MarketData.Tests.Prime;

public sealed class PrimeJobsResumeAfterAWorkerStops(ApiOnlyMarketDataFactory factory) : IClassFixture<ApiOnlyMarketDataFactory>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task ASecondWorkerFinishesWhatAStoppedOneStartedWithoutRefetchingStoredPages()
    {
        factory.Bybit.SetFault(FakeFault.Delay(TimeSpan.FromMilliseconds(150)), FakeBybitServer.KlinePath, "RESUMEUSDT");
        var client = factory.CreateClient();
        using var accepted = await PrimeJobsBackfillTheStore.PrimeAsync(client, ("symbol", "RESUMEUSDT"), ("intervals", "1"), ("load_limit", "10000"));
        var location = accepted.Headers.Location!.ToString();

        var first = await factory.StartReplicaAsync(("Prime:Concurrency", "1"));
        await Eventually.ReturnsAsync(() => JobAsync(client, location), job => job.GetProperty("pages_done").GetInt32() >= 3, Timeout, "three pages stored");
        await first.DisposeAsync();
        var stopped = await JobAsync(client, location);
        await using var second = await factory.StartReplicaAsync(("Prime:Concurrency", "1"));
        var finished = await PrimeJobsBackfillTheStore.WaitForStatusAsync(client, location, "completed");

        Assert.Equal("queued", stopped.GetProperty("status").GetString());
        Assert.InRange(stopped.GetProperty("pages_done").GetInt32(), 3, 9);
        Assert.Equal(10, finished.GetProperty("pages_done").GetInt32());
        Assert.Equal(10_000, finished.GetProperty("candles_stored").GetInt64());
        Assert.Equal(10_000, await UploadRequests.CountCandlesAsync(factory.DatabaseConnectionString, "RESUMEUSDT"));
        var pages = factory.Bybit.RequestsFor("RESUMEUSDT").GroupBy(request => request.Number("start")).ToList();
        Assert.Equal(10, pages.Count);
        Assert.All(pages, page => Assert.InRange(page.Count(), 1, 2));
    }

    private static async Task<JsonElement> JobAsync(HttpClient client, string location) =>
        JsonDocument.Parse(await client.GetStringAsync(location)).RootElement.Clone();
}

/// <summary>A replica that serves the API but runs no backfill worker; replicas started from it do the work.</summary>
public sealed class ApiOnlyMarketDataFactory : MarketDataFactory
{
    public ApiOnlyMarketDataFactory() => Set("Prime:Concurrency", "0");
}
