using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Platform.ServiceDefaults;
using Platform.Testing;
using Platform.Testing.LocalServers;

namespace Platform.Gateway.Tests;

/// <summary>
/// The real gateway in front of a small service built like the platform's (<c>AddServiceDefaults</c> and
/// <c>AddSignedIdentity</c>): what the gateway signs, the service accepts, whatever the path, query and body hold.
/// </summary>
public sealed class SignedCallsPassARealService : IAsyncLifetime
{
    private WebApplication _service = null!;
    private WebApplicationFactory<Program> _gateway = null!;

    public async Task InitializeAsync()
    {
        (_service, var url) = await StartServiceAsync(TestGateway.IdentitySecret, Environments.Production);
        _gateway = TestGateway.Create(ResourceNames.Services.ToDictionary(service => service, _ => url));
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _service.DisposeAsync();
    }

    [Theory]
    [InlineData("/api/v1/backtests/7")]
    [InlineData("/api/v1/backtests/?symbol=BTC%20USDT&tags=a,b&q=%2Fx%3Fy%26z")]
    [InlineData("/api/v1/strategies/caf%C3%A9?name=%C3%A9t%C3%A9")]
    public async Task AReadThroughTheGatewayIsAccepted(string target)
    {
        using var response = await _gateway.CreateClient(Roles.Reader).GetAsync(target, TestContext.Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("reader as reader", await response.Content.ReadAsStringAsync(TestContext.Token));
    }

    [Fact]
    public async Task AWriteWithABodyThroughTheGatewayIsAcceptedAndTheBodyArrivesWhole()
    {
        var payload = new { name = "momentum", config = new { fast = 10, slow = 30, note = new string('x', 200_000) } };

        using var response = await _gateway.CreateClient(Roles.Trader).PostAsJsonAsync("/api/v1/strategies/?dry_run=true", payload, TestContext.Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(payload).Length, int.Parse(await response.Content.ReadAsStringAsync(TestContext.Token), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task AnAnonymousDocumentRouteReachesTheServiceSignedAsAnonymous()
    {
        using var response = await _gateway.CreateClient().GetAsync("/openapi/backtests/v1.json", TestContext.Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task AReaderKeyOnATradeRouteOfTheServiceIsForbiddenByTheServiceToo()
    {
        using var request = new Platform.Testing.Identity.HandSignedRequest(HttpMethod.Post, "/api/v1/strategies/", "{}")
        {
            Secret = TestGateway.IdentitySecret,
            User = "reader",
            Roles = Roles.Reader,
        }.Build();
        using var direct = new HttpClient { BaseAddress = new Uri(_service.Urls.Single()) };

        using var response = await direct.SendAsync(request, TestContext.Token);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task TheServiceAnswersADirectUnsignedCallWith401()
    {
        using var direct = new HttpClient { BaseAddress = new Uri(_service.Urls.Single()) };

        using var response = await direct.GetAsync("/api/v1/backtests/7", TestContext.Token);
        var problem = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(TestContext.Token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(
            "The call carries no identity: callers go through the gateway, services sign their own calls.",
            problem.GetProperty("detail").GetString());
    }

    /// <summary>Readiness runs the failing check and is 503; liveness runs only the live-tagged ones and is 200.</summary>
    [Theory]
    [InlineData("/health/backtests/ready", HttpStatusCode.ServiceUnavailable)]
    [InlineData("/health/backtests/live", HttpStatusCode.OK)]
    public async Task ProbesAnsweredThroughTheGatewayLeakNoExceptionText(string probe, HttpStatusCode expected)
    {
        using var response = await _gateway.CreateClient().GetAsync(probe, TestContext.Token);
        var body = await response.Content.ReadAsStringAsync(TestContext.Token);

        Assert.True(expected == response.StatusCode, body);
        Assert.DoesNotContain("secret detail", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AProbeTellsASignedPlatformCallerWhatFailed()
    {
        using var request = new Platform.Testing.Identity.HandSignedRequest(HttpMethod.Get, Extensions.ReadyPath)
        {
            Secret = TestGateway.IdentitySecret,
            User = ResourceNames.Health,
            Roles = Roles.Service,
        }.Build();
        using var direct = new HttpClient { BaseAddress = new Uri(_service.Urls.Single()) };

        using var response = await direct.SendAsync(request, TestContext.Token);
        var report = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(TestContext.Token);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var failing = report.GetProperty("checks").EnumerateArray().Single(check => check.GetProperty("name").GetString() == "failing");
        Assert.Equal("Unhealthy", failing.GetProperty("status").GetString());
        Assert.Equal("secret detail", failing.GetProperty("description").GetString());
    }

    /// <summary>The small service: echoes the caller on reads, the body's length on writes; its readiness check throws.</summary>
    internal static Task<(WebApplication App, string Url)> StartServiceAsync(string? secret, string environment, params (string Key, string Value)[] settings) =>
        StartServiceAsync(secret, environment, null, settings);

    internal static async Task<(WebApplication App, string Url)> StartServiceAsync(
        string? secret, string environment, CapturedLogs? logs, params (string Key, string Value)[] settings)
    {
        var url = $"http://127.0.0.1:{FreePort.Next()}";
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.WebHost.UseUrls(url);
        if (secret is not null)
        {
            builder.Configuration[SignedIdentity.SecretKey] = secret;
        }
        foreach (var (key, value) in settings)
        {
            builder.Configuration[key] = value;
        }
        builder.Logging.SetMinimumLevel(logs is null ? LogLevel.Critical : LogLevel.Warning);
        if (logs is not null)
        {
            builder.Logging.AddProvider(logs);
        }
        builder.AddServiceDefaults();
        builder.AddSignedIdentity(ResourceNames.Backtests);
        builder.Services.AddHealthChecks().AddCheck("failing", () => throw new InvalidOperationException("secret detail"));
        var app = builder.Build();
        app.MapGet("/client", (HttpContext context) => context.Connection.RemoteIpAddress!.ToString());
        app.MapGet("/api/v1/{**rest}", (HttpContext context) =>
            $"{context.User.Identity!.Name} as {string.Join(',', Roles.All.Where(context.User.IsInRole))}");
        app.MapPost("/api/v1/{**rest}", async (HttpRequest request) => (await new StreamReader(request.Body).ReadToEndAsync()).Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        app.MapDefaultEndpoints();
        await app.StartAsync();
        return (app, url);
    }
}
