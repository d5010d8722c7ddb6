using Microsoft.AspNetCore.Mvc.Testing;
using Platform.Gateway.Security;

namespace Platform.Gateway.Tests;

public sealed class CorsIsOnlyForConfiguredOrigins(FakeServices services) : IClassFixture<FakeServices>, IDisposable
{
    private const string Allowed = "https://research.example";

    private readonly WebApplicationFactory<Program> _configured = TestGateway.Create(services.Urls, ("Gateway:Cors:Origins:0", Allowed));
    private readonly WebApplicationFactory<Program> _default = TestGateway.Create(services.Urls);

    public void Dispose()
    {
        _configured.Dispose();
        _default.Dispose();
    }

    [Fact]
    public async Task AConfiguredOriginIsAllowed()
    {
        Assert.Equal(Allowed, await AllowedOriginAsync(_configured, Allowed));
    }

    [Fact]
    public async Task AnotherOriginIsNot()
    {
        Assert.Null(await AllowedOriginAsync(_configured, "https://evil.example"));
    }

    [Fact]
    public async Task CorsIsOffByDefault()
    {
        Assert.Null(await AllowedOriginAsync(_default, Allowed));
    }

    [Fact]
    public async Task APreflightNeedsNoKey()
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, "/api/v1/backtests/");
        request.Headers.Add("Origin", Allowed);
        request.Headers.Add("Access-Control-Request-Method", "POST");

        using var response = await _configured.CreateClient().SendAsync(request, TestContext.Token);

        Assert.True(response.IsSuccessStatusCode);
        Assert.Equal(Allowed, Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
    }

    private static async Task<string?> AllowedOriginAsync(WebApplicationFactory<Program> gateway, string origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/backtests/1");
        request.Headers.Add("Origin", origin);

        using var response = await gateway.CreateClient(Roles.Reader).SendAsync(request, TestContext.Token);

        return response.Headers.TryGetValues("Access-Control-Allow-Origin", out var values) ? values.Single() : null;
    }
}
