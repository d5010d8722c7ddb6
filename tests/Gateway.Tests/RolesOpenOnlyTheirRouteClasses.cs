using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Platform.Gateway.Security;

namespace Platform.Gateway.Tests;

/// <summary>Every role (and no key) against every route class: 2xx where the role opens it, else 403, 401 without a key.</summary>
public sealed class RolesOpenOnlyTheirRouteClasses(FakeServices services) : IClassFixture<FakeServices>, IDisposable
{
    private const string Anonymous = "none";

    private static readonly (string Method, string Path, string[] Allowed)[] RouteClasses =
    [
        ("GET", "/api/v1/backtests/42", [Roles.Reader, Roles.Admin]),
        ("HEAD", "/api/v1/marketdata/uploads", [Roles.Reader, Roles.Admin]),
        ("GET", "/api/v1/marketdata/candles", [Roles.Reader, Roles.Admin]),
        ("POST", "/api/v1/backtests/", [Roles.Trader, Roles.Admin]),
        ("PUT", "/api/v1/strategies/3", [Roles.Trader, Roles.Admin]),
        ("POST", "/api/v1/optimizations/7/run/grid", [Roles.Trader, Roles.Admin]),
        ("POST", "/api/v1/backtests/42/claim", [Roles.Worker, Roles.Admin]),
        ("POST", "/api/v1/backtests/42/results", [Roles.Worker, Roles.Admin]),
        ("DELETE", "/api/v1/marketdata/uploads/5", [Roles.Admin]),
        ("POST", "/api/v1/marketdata/bybit/reset", [Roles.Admin]),
        ("POST", "/api/v1/marketdata/bybit/prime", [Roles.Admin]),
        ("POST", "/api/v1/marketdata/upload", [Roles.Admin]),
        ("DELETE", "/api/v1/strategies/42", [Roles.Trader, Roles.Admin]),
        ("POST", "/api/v1/backtests/42/heartbeat", [Roles.Worker, Roles.Admin]),
        ("PATCH", "/api/v1/backtests/42", [Roles.Admin]),
        ("GET", "/api/v1/health/", [Roles.Reader, Roles.Admin]),
        ("GET", "/api/v1/health/db_pool", [Roles.Reader, Roles.Admin]),
        ("POST", "/api/v1/health/ready", [Roles.Admin]),
        ("GET", "/api/v1/health/live", [Anonymous, .. Roles.All]),
        ("HEAD", "/api/v1/health/ready", [Anonymous, .. Roles.All]),
        ("GET", "/health/backtests/live", [Anonymous, .. Roles.All]),
        ("GET", "/openapi/marketdata/v1.json", [Anonymous, .. Roles.All]),
        ("GET", "/docs/", [Anonymous, .. Roles.All]),
    ];

    private readonly WebApplicationFactory<Program> _gateway = TestGateway.Create(services.Urls);

    public static TheoryData<string, string, string, HttpStatusCode> Matrix()
    {
        var data = new TheoryData<string, string, string, HttpStatusCode>();
        foreach (var (method, path, allowed) in RouteClasses)
        {
            foreach (var caller in (string[])[Anonymous, .. Roles.All])
            {
                var expected = allowed.Contains(caller) ? HttpStatusCode.OK
                    : caller == Anonymous ? HttpStatusCode.Unauthorized
                    : HttpStatusCode.Forbidden;
                data.Add(method, path, caller, expected);
            }
        }
        return data;
    }

    public void Dispose() => _gateway.Dispose();

    /// <summary>The services check the identity by the same table: a role the gateway lets through is let through behind it.</summary>
    [Fact]
    public void TheServicesClassifyEveryApiRouteAsTheGatewayDoes()
    {
        foreach (var (method, path, allowed) in RouteClasses.Where(route => route.Path.StartsWith("/api/", StringComparison.Ordinal)))
        {
            var roles = RouteAccess.RolesFor(RouteAccess.Classify(method, path));
            var expected = allowed.Contains(Anonymous) ? [] : allowed.Order().ToArray();

            Assert.Equal(expected, roles.Where(role => role != Roles.Service).Order().ToArray());
        }
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task CallerGetsTheStatusOfItsRole(string method, string path, string caller, HttpStatusCode expected)
    {
        using var client = caller == Anonymous ? _gateway.CreateClient() : _gateway.CreateClient(caller);
        using var request = new HttpRequestMessage(new HttpMethod(method), path);

        using var response = await client.SendAsync(request, TestContext.Token);

        Assert.Equal(expected, response.StatusCode);
        if (expected != HttpStatusCode.OK && method != "HEAD")
        {
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Token);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(
                expected == HttpStatusCode.Unauthorized ? "An API key is required." : "The API key lacks the role for this route.",
                problem.GetProperty("title").GetString());
        }
    }
}
