using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Platform.ServiceDefaults.Data;
using Platform.ServiceDefaults.Redis;
using Platform.Testing;

namespace Platform.ServiceDefaults.Tests;

/// <summary>Stops and restarts this class's own PostgreSQL and Redis and watches /health/ready follow.</summary>
public sealed class ReadinessFollowsDependencies : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private ThrowawayServers _servers = null!;
    private WebApplication _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _servers = await ThrowawayServers.StartAsync(CancellationToken.None);
        _app = await TestHost.StartAsync(
            new Dictionary<string, string?>
            {
                ["ConnectionStrings:appdb"] = _servers.Postgres.ConnectionString("appdb") + ";Timeout=2",
                ["ConnectionStrings:redis"] = _servers.Redis.ConnectionString + ",connectTimeout=1000",
            },
            builder =>
            {
                builder.AddPostgresDatabase("appdb", typeof(ReadinessFollowsDependencies).Assembly);
                builder.AddPlatformRedis("redis");
            });
        _client = _app.GetTestClient();
        await ServiceFactory<ReadinessFollowsDependencies>.WaitUntilReadyAsync(_client, Timeout);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _servers.DisposeAsync();
    }

    [Fact]
    public async Task ReadyIs503NamingPostgresWhileItIsDownAndRecovers()
    {
        await _servers.Postgres.StopAsync();

        var failing = await Eventually.ReturnsAsync(ReadAsync, ready => ready.Status == HttpStatusCode.ServiceUnavailable, Timeout, "503");
        Assert.Equal("Unhealthy", CheckStatus(failing.Body, "appdb"));
        Assert.Equal("Healthy", CheckStatus(failing.Body, "redis"));
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/health/live")).StatusCode);

        await _servers.RestartPostgresAsync(CancellationToken.None);
        await Eventually.ReturnsAsync(ReadAsync, ready => ready.Status == HttpStatusCode.OK, Timeout, "200 after PostgreSQL returned");
    }

    [Fact]
    public async Task ReadyIs503NamingRedisWhileItIsDownAndRecovers()
    {
        await _servers.Redis.StopAsync();

        var failing = await Eventually.ReturnsAsync(ReadAsync, ready => ready.Status == HttpStatusCode.ServiceUnavailable, Timeout, "503");
        Assert.Equal("Unhealthy", CheckStatus(failing.Body, "redis"));
        Assert.Equal("Healthy", CheckStatus(failing.Body, "appdb"));

        await _servers.RestartRedisAsync(CancellationToken.None);
        await Eventually.ReturnsAsync(ReadAsync, ready => ready.Status == HttpStatusCode.OK, Timeout, "200 after Redis returned");
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> ReadAsync()
    {
        using var response = await _client.GetAsync("/health/ready");
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        return (response.StatusCode, body);
    }

    private static string? CheckStatus(JsonElement body, string name) =>
        body.GetProperty("checks").EnumerateArray()
            .Single(check => check.GetProperty("name").GetString() == name)
            .GetProperty("status").GetString();
}
