using Platform.Testing;
using System.Net;
using Microsoft.AspNetCore.Http;
using Platform.ServiceDefaults;
using Platform.Testing.FakeBybit;

namespace Platform.Health.Tests.Appendix;

public sealed class ComponentIsLookedUpByName(HealthFactory factory, PlatformStubs stubs)
    : IClassFixture<HealthFactory>, IClassFixture<PlatformStubs>
{
    [Fact]
    public async Task KnownNameAnswersThatComponentWithTheTimeItTookToAnswer()
    {
        await using var delayed = await StubService.StartAsync(hang: PlatformStubs.AnswerDelay);
        await using var health = stubs.HealthService(factory, ($"services:{ResourceNames.Backtests}:http:0", delayed.Address));
        var before = DateTimeOffset.UtcNow;

        var (status, body) = await AppendixClient.GetAsync(health.CreateClient(Caller.Admin), $"/api/v1/health/components/{ResourceNames.Backtests}");
        var after = DateTimeOffset.UtcNow;

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(ResourceNames.Backtests, body.GetProperty("name").GetString());
        Assert.Equal("healthy", body.GetProperty("status").GetString());
        Assert.Equal("ok", body.GetProperty("details").GetString());
        Assert.InRange(
            body.GetProperty("response_time_ms").GetDouble(),
            (PlatformStubs.AnswerDelay - TimeoutBounds.TimerTick).TotalMilliseconds,
            PlatformStubs.ProbeTimeout.TotalMilliseconds);
        Assert.InRange(body.GetProperty("last_check").GetDateTimeOffset(), before, after);
    }

    [Fact]
    public async Task UnknownNameIs404ListingTheAvailableNames()
    {
        await using var health = stubs.HealthService(factory);

        var (status, body) = await AppendixClient.GetAsync(health.CreateClient(Caller.Admin), "/api/v1/health/components/cache");

        Assert.Equal(HttpStatusCode.NotFound, status);
        string[] names = [.. PlatformStubs.Services, ResourceNames.Postgres, ResourceNames.Redis, "bybit"];
        var available = string.Join(", ", names.Select(name => $"'{name}'"));
        Assert.Equal($"Component 'cache' not found. Available: [{available}]", body.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("database")]
    [InlineData("redis")]
    [InlineData("bybit_api")]
    [InlineData("disk")]
    [InlineData("celery")]
    public async Task OriginalNameAnswersUnderThatName(string name)
    {
        await using var health = stubs.HealthService(factory);

        var (status, body) = await AppendixClient.GetAsync(health.CreateClient(Caller.Admin), $"/api/v1/health/components/{name}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(name, body.GetProperty("name").GetString());
        Assert.Equal("healthy", body.GetProperty("status").GetString());
        Assert.Equal("ok", body.GetProperty("details").GetString());
    }

    [Fact]
    public async Task CeleryIsUnhealthyWhenAServiceRunningJobWorkersIsDown()
    {
        await using var failing = await StubService.StartAsync(StatusCodes.Status503ServiceUnavailable);
        await using var health = stubs.HealthService(factory, ($"services:{ResourceNames.Optimizations}:http:0", failing.Address));

        var (status, body) = await AppendixClient.GetAsync(health.CreateClient(Caller.Admin), "/api/v1/health/components/celery");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("unhealthy", body.GetProperty("status").GetString());
        Assert.Equal("optimizations: readiness answered 503", body.GetProperty("details").GetString());
    }

    [Fact]
    public async Task BybitApiIsDegradedWhenBybitFails()
    {
        await using var bybit = await FakeBybitServer.StartAsync();
        bybit.SetFault(FakeFault.ServerError(), FakeBybitServer.TimePath);
        await using var health = stubs.HealthService(factory, ("Bybit:BaseUrl", bybit.BaseAddress.ToString()));

        var (status, body) = await AppendixClient.GetAsync(health.CreateClient(Caller.Admin), "/api/v1/health/components/bybit_api");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("degraded", body.GetProperty("status").GetString());
        Assert.Equal("bybit: Bybit answered HTTP 502", body.GetProperty("details").GetString());
    }
}
