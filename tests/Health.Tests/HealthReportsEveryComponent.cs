using Platform.Testing;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Platform.ServiceDefaults;
using Platform.Testing.FakeBybit;

namespace Platform.Health.Tests;

public sealed class HealthReportsEveryComponent(HealthFactory factory, PlatformStubs stubs)
    : IClassFixture<HealthFactory>, IClassFixture<PlatformStubs>
{
    private static readonly TimeSpan TestTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The backtests stand-in answers after <see cref="PlatformStubs.AnswerDelay"/>, which its response time must show.</summary>
    [Fact]
    public async Task AllComponentsUpIsHealthyWithTheTimeEachTookToAnswer()
    {
        await using var delayed = await StubService.StartAsync(hang: PlatformStubs.AnswerDelay);
        await using var health = stubs.HealthService(factory, ($"services:{ResourceNames.Backtests}:http:0", delayed.Address));
        var before = DateTimeOffset.UtcNow;

        var (status, body) = await GetAsync(health.CreateClient(Caller.Admin));
        var after = DateTimeOffset.UtcNow;

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("healthy", body.GetProperty("status").GetString());
        var names = body.GetProperty("components").EnumerateArray().Select(component => component.GetProperty("name").GetString()).ToList();
        Assert.Equal([.. PlatformStubs.Services, ResourceNames.Postgres, ResourceNames.Redis, "bybit"], names);
        foreach (var component in body.GetProperty("components").EnumerateArray())
        {
            Assert.Equal("healthy", component.GetProperty("status").GetString());
            Assert.InRange(component.GetProperty("response_time_ms").GetDouble(), 0, PlatformStubs.ProbeTimeout.TotalMilliseconds);
            Assert.InRange(component.GetProperty("last_check").GetDateTimeOffset(), before, after);
        }
        Assert.InRange(
            Component(body, ResourceNames.Backtests).GetProperty("response_time_ms").GetDouble(),
            (PlatformStubs.AnswerDelay - TimeoutBounds.TimerTick).TotalMilliseconds,
            PlatformStubs.ProbeTimeout.TotalMilliseconds);
    }

    [Fact]
    public async Task ServiceAnswering503IsUnhealthyAnd503()
    {
        await using var failing = await StubService.StartAsync(StatusCodes.Status503ServiceUnavailable);
        await using var health = stubs.HealthService(factory, ($"services:{ResourceNames.Optimizations}:http:0", failing.Address));

        var (status, body) = await GetAsync(health.CreateClient(Caller.Admin));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("unhealthy", body.GetProperty("status").GetString());
        var optimizations = Component(body, ResourceNames.Optimizations);
        Assert.Equal("unhealthy", optimizations.GetProperty("status").GetString());
        Assert.Equal("readiness answered 503", optimizations.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task AServiceWhoseJobQueueCannotBeReadIsUnhealthyNamingTheQueue()
    {
        const string report = """
            {"status":"Unhealthy","duration_ms":3.1,"checks":[
              {"name":"backtestsdb","status":"Healthy","description":null,"duration_ms":1.0},
              {"name":"backtests:jobs","status":"Unhealthy","description":"backtests:jobs cannot be read: NOGROUP","duration_ms":0.1}]}
            """;
        await using var failing = await StubService.StartAsync(StatusCodes.Status503ServiceUnavailable, readyReport: report);
        await using var health = stubs.HealthService(factory, ($"services:{ResourceNames.Backtests}:http:0", failing.Address));

        var (status, body) = await GetAsync(health.CreateClient(Caller.Admin));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        var backtests = Component(body, ResourceNames.Backtests);
        Assert.Equal("unhealthy", backtests.GetProperty("status").GetString());
        Assert.Equal(
            "readiness answered 503: backtests:jobs Unhealthy (backtests:jobs cannot be read: NOGROUP)", backtests.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task HangingServiceIsUnhealthyAtItsTimeout()
    {
        var timeout = TimeSpan.FromMilliseconds(500);
        await using var hanging = await StubService.StartAsync(hang: TimeSpan.FromMinutes(1));
        await using var health = stubs.HealthService(
            factory, ($"services:{ResourceNames.MarketData}:http:0", hanging.Address), ("Health:ProbeTimeout", timeout.ToString()));
        var client = health.CreateClient(Caller.Admin);
        // A first report starts the service and fills the Bybit cache, which the timed one must not include.
        await GetAsync(client);

        var watch = Stopwatch.StartNew();
        var (status, body) = await GetAsync(client);
        watch.Stop();

        var marketData = Component(body, ResourceNames.MarketData);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("no answer within 500 ms", marketData.GetProperty("detail").GetString());
        TimeoutBounds.AssertEndedAt(timeout, TimeSpan.FromMilliseconds(marketData.GetProperty("response_time_ms").GetDouble()));
        TimeoutBounds.AssertEndedAt(timeout, watch.Elapsed);
    }

    [Fact]
    public async Task BybitFailingOnlyDegrades()
    {
        await using var bybit = await FakeBybitServer.StartAsync();
        bybit.SetFault(FakeFault.ServerError(), FakeBybitServer.TimePath);
        await using var health = stubs.HealthService(factory, ("Bybit:BaseUrl", bybit.BaseAddress.ToString()));

        var (status, body) = await GetAsync(health.CreateClient(Caller.Admin));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("degraded", body.GetProperty("status").GetString());
        Assert.Equal("Bybit answered HTTP 502", Component(body, "bybit").GetProperty("detail").GetString());
    }

    [Fact]
    public async Task BybitCheckIsCachedBetweenRequests()
    {
        await using var bybit = await FakeBybitServer.StartAsync();
        await using var health = stubs.HealthService(
            factory, ("Bybit:BaseUrl", bybit.BaseAddress.ToString()), ("Health:BybitCacheDuration", "00:01:00"));
        var client = health.CreateClient(Caller.Admin);

        await GetAsync(client);
        await GetAsync(client);

        Assert.Single(bybit.Requests, request => request.Path == FakeBybitServer.TimePath);
    }

    [Fact]
    public async Task RedisUnreachableIsUnhealthy()
    {
        await using var health = stubs.HealthService(
            factory, ("ConnectionStrings:redis", $"127.0.0.1:{Testing.LocalServers.FreePort.Next()},connectTimeout=500"));

        var (status, body) = await GetAsync(health.CreateClient(Caller.Admin));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        var redis = Component(body, ResourceNames.Redis);
        Assert.Equal("unhealthy", redis.GetProperty("status").GetString());
        // Commands wait for a Redis that is not connected, so the probe ends at its timeout.
        Assert.Equal("no answer within 2000 ms", redis.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task PostgresRefusingIsUnhealthyWithoutLeakingTheAddress()
    {
        var port = Testing.LocalServers.FreePort.Next();
        await using var health = stubs.HealthService(
            factory, ("ConnectionStrings:postgres", $"Host=127.0.0.1;Port={port};Username=postgres;Password=secret;Timeout=2"));

        var (status, body) = await GetAsync(health.CreateClient(Caller.Admin));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        var postgres = Component(body, ResourceNames.Postgres);
        Assert.Equal("unhealthy", postgres.GetProperty("status").GetString());
        Assert.Equal("unreachable", postgres.GetProperty("detail").GetString());
        Assert.DoesNotContain(port.ToString(System.Globalization.CultureInfo.InvariantCulture), body.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("secret", body.GetRawText(), StringComparison.Ordinal);
    }

    private static JsonElement Component(JsonElement body, string name) =>
        body.GetProperty("components").EnumerateArray().Single(component => component.GetProperty("name").GetString() == name);

    private static async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(HttpClient client)
    {
        using var cancellation = new CancellationTokenSource(TestTimeout);
        using var response = await client.GetAsync("/api/v1/health", cancellation.Token);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellation.Token)).RootElement;
        return (response.StatusCode, body);
    }
}
