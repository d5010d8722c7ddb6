using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Platform.Testing.LocalServers;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Identity;

namespace Platform.Gateway.Tests;

/// <summary>A tiny service on <c>AddServiceDefaults</c> with <c>Platform:RequireGatewayIdentity</c> on.</summary>
public sealed class ServicesRejectUnsignedCalls : IAsyncLifetime
{
    private const string Secret = "service-secret";
    private WebApplication _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        var url = $"http://127.0.0.1:{FreePort.Next()}";
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls(url);
        builder.Configuration[GatewayIdentity.RequireKey] = "true";
        builder.Configuration[GatewayIdentity.SecretKey] = Secret;
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddServiceDefaults();
        _app = builder.Build();
        _app.MapGet("/api/v1/whoami", (HttpContext context) => context.User.Identity!.Name);
        _app.MapGet("/api/v1/probe", () => "up").AllowAnonymous();
        _app.MapDefaultEndpoints();
        await _app.StartAsync();
        _client = new HttpClient { BaseAddress = new Uri(url) };
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task AnUnsignedApiCallIsRejected()
    {
        using var response = await _client.GetAsync("/api/v1/whoami", TestContext.Token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData(0, "other-secret")]
    [InlineData(-600, Secret)]
    public async Task AWronglySignedOrStaleCallIsRejected(int ageSeconds, string secret)
    {
        using var request = Signed(secret, DateTimeOffset.UtcNow.AddSeconds(ageSeconds));

        using var response = await _client.SendAsync(request, TestContext.Token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task ASignedCallPassesWithTheForwardedUser()
    {
        using var request = Signed(Secret, DateTimeOffset.UtcNow);

        using var response = await _client.SendAsync(request, TestContext.Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("alice", await response.Content.ReadAsStringAsync(TestContext.Token));
    }

    [Fact]
    public async Task ProbesStayOpen()
    {
        using var response = await _client.GetAsync(Extensions.LivePath, TestContext.Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task AnonymousApiEndpointsPassUnsigned()
    {
        using var response = await _client.GetAsync("/api/v1/probe", TestContext.Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static HttpRequestMessage Signed(string secret, DateTimeOffset at)
    {
        var timestamp = at.ToUnixTimeSeconds();
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/whoami");
        request.Headers.Add(GatewayIdentity.UserHeader, "alice");
        request.Headers.Add(GatewayIdentity.RolesHeader, "reader");
        request.Headers.Add(GatewayIdentity.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(GatewayIdentity.SignatureHeader, GatewayIdentity.Sign(secret, "alice", "reader", timestamp));
        return request;
    }
}
