using Platform.Testing;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;

namespace Platform.Health.Tests;

public sealed class ProbesAnswerAsTheContractSays(HealthFactory factory) : IClassFixture<HealthFactory>
{
    [Fact]
    public async Task LiveSaysAlive()
    {
        var client = factory.CreateClient(Caller.Admin);
        var before = DateTimeOffset.UtcNow;

        var body = JsonDocument.Parse(await client.GetStringAsync("/api/v1/health/live")).RootElement;

        Assert.Equal("alive", body.GetProperty("status").GetString());
        Assert.InRange(body.GetProperty("timestamp").GetDateTimeOffset(), before, DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task ReadySaysReadyWhenPostgresAndRedisAnswer()
    {
        using var response = await factory.CreateClient(Caller.Admin).GetAsync("/api/v1/health/ready");
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ready", body.GetProperty("status").GetString());
    }

    [Fact]
    public async Task ReadyIs503NamingTheDependencyThatIsDown()
    {
        await using var unreachable = factory.WithWebHostBuilder(builder =>
            builder.UseSetting("ConnectionStrings:redis", $"127.0.0.1:{Testing.LocalServers.FreePort.Next()},connectTimeout=500"));

        using var response = await unreachable.CreateClient(Caller.Admin).GetAsync("/api/v1/health/ready");
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"Unavailable dependencies: {Platform.ServiceDefaults.ResourceNames.Redis}", body.GetProperty("detail").GetString());
    }
}
