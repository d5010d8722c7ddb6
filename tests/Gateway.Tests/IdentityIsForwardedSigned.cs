using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Platform.Gateway.Security;
using Platform.ServiceDefaults.Identity;

namespace Platform.Gateway.Tests;

public sealed class IdentityIsForwardedSigned(FakeServices services) : IClassFixture<FakeServices>, IDisposable
{
    private readonly WebApplicationFactory<Program> _gateway = TestGateway.Create(services.Urls);

    public void Dispose() => _gateway.Dispose();

    [Fact]
    public async Task TheServiceReceivesTheCallerAndAValidSignature()
    {
        using var response = await _gateway.CreateClient(Roles.Trader).PostAsync("/api/v1/backtests/", null, TestContext.Token);
        var echo = await response.Content.ReadFromJsonAsync<Echo>(TestContext.Token);

        var headers = echo!.Headers;
        Assert.Equal(Roles.Trader, headers[GatewayIdentity.UserHeader]);
        Assert.Equal(Roles.Trader, headers[GatewayIdentity.RolesHeader]);
        Assert.True(GatewayIdentity.IsValid(TestGateway.IdentitySecret, headers[GatewayIdentity.UserHeader], headers[GatewayIdentity.RolesHeader],
            headers[GatewayIdentity.TimestampHeader], headers[GatewayIdentity.SignatureHeader], DateTimeOffset.UtcNow));
    }

    [Fact]
    public async Task TheApiKeyIsNotForwarded()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/backtests/1");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestGateway.KeyFor(Roles.Reader));

        using var response = await _gateway.CreateClient(Roles.Reader).SendAsync(request, TestContext.Token);
        var echo = await response.Content.ReadFromJsonAsync<Echo>(TestContext.Token);

        Assert.DoesNotContain("X-API-Key", echo!.Headers.Keys, StringComparer.OrdinalIgnoreCase);
        Assert.DoesNotContain("Authorization", echo.Headers.Keys, StringComparer.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task IdentityHeadersFromTheClientAreStripped()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/backtests/ready");
        request.Headers.Add(GatewayIdentity.UserHeader, "mallory");
        request.Headers.Add(GatewayIdentity.RolesHeader, Roles.Admin);
        request.Headers.Add(GatewayIdentity.TimestampHeader, "1");
        request.Headers.Add(GatewayIdentity.SignatureHeader, "forged");

        using var response = await _gateway.CreateClient().SendAsync(request, TestContext.Token);
        var echo = await response.Content.ReadFromJsonAsync<Echo>(TestContext.Token);

        Assert.DoesNotContain(echo!.Headers.Keys, header => header.StartsWith("X-Platform-", StringComparison.OrdinalIgnoreCase));
    }
}
