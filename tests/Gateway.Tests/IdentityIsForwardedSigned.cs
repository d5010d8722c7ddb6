using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Platform.Gateway.Tests;

/// <summary>
/// What the services receive from the gateway, checked against the scheme of docs/security.md computed here by hand:
/// the caller, a fresh request id, the body's hash and a signature over the method, path, query and all of those.
/// </summary>
public sealed class IdentityIsForwardedSigned(FakeServices services) : IClassFixture<FakeServices>, IDisposable
{
    private readonly WebApplicationFactory<Program> _gateway = TestGateway.Create(services.Urls);

    public void Dispose() => _gateway.Dispose();

    [Fact]
    public async Task ACallWithABodyIsSignedOverMethodPathQueryAndBody()
    {
        const string body = """{"strategy_id":7,"symbol":"BTC USDT"}""";
        using var content = new StringContent(body, Encoding.UTF8, "application/json");

        using var response = await _gateway.CreateClient(Roles.Trader).PostAsync("/api/v1/backtests/?note=a%20b&x=%2F", content, TestContext.Token);
        var echo = await response.Content.ReadFromJsonAsync<Echo>(TestContext.Token);

        var headers = echo!.Headers;
        Assert.Equal(Roles.Trader, headers[SignedIdentity.UserHeader]);
        Assert.Equal(Roles.Trader, headers[SignedIdentity.RolesHeader]);
        Assert.Equal(Hex(SHA256.HashData(Encoding.UTF8.GetBytes(body))), headers[SignedIdentity.ContentHashHeader]);
        Assert.Equal(ExpectedSignature("POST", "/api/v1/backtests/?note=a b&x=/", headers), headers[SignedIdentity.SignatureHeader]);
        Assert.InRange(long.Parse(headers[SignedIdentity.TimestampHeader], CultureInfo.InvariantCulture),
            DateTimeOffset.UtcNow.AddSeconds(-5).ToUnixTimeSeconds(), DateTimeOffset.UtcNow.ToUnixTimeSeconds());
    }

    [Fact]
    public async Task EveryCallGetsARequestIdOfItsOwnEvenWhenTheClientRepeatsItsCorrelationId()
    {
        var client = _gateway.CreateClient(Roles.Reader);
        var ids = new HashSet<string>();
        for (var call = 0; call < 3; call++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/backtests/1");
            request.Headers.Add("X-Request-ID", "same-correlation-id");
            using var response = await client.SendAsync(request, TestContext.Token);
            var echo = await response.Content.ReadFromJsonAsync<Echo>(TestContext.Token);

            Assert.Equal("same-correlation-id", echo!.Headers["X-Request-ID"]);
            Assert.Equal(SignedIdentity.EmptyContentHash, echo.Headers[SignedIdentity.ContentHashHeader]);
            Assert.Equal(ExpectedSignature("GET", "/api/v1/backtests/1", echo.Headers), echo.Headers[SignedIdentity.SignatureHeader]);
            ids.Add(echo.Headers[SignedIdentity.RequestIdHeader]);
        }
        Assert.Equal(3, ids.Count);
    }

    [Fact]
    public async Task AnAnonymousRouteIsSignedAsTheAnonymousUserForThePathTheServiceSees()
    {
        using var response = await _gateway.CreateClient().GetAsync("/openapi/backtests/v1.json", TestContext.Token);
        var echo = await response.Content.ReadFromJsonAsync<Echo>(TestContext.Token);

        Assert.Equal("/openapi/v1.json", echo!.Path);
        Assert.Equal(SignedIdentity.AnonymousUser, echo.Headers[SignedIdentity.UserHeader]);
        Assert.Equal("", echo.Headers[SignedIdentity.RolesHeader]);
        Assert.Equal(ExpectedSignature("GET", "/openapi/v1.json", echo.Headers), echo.Headers[SignedIdentity.SignatureHeader]);
    }

    [Fact]
    public async Task AnUploadStreamsUnhashed()
    {
        using var content = new ByteArrayContent(new byte[4096]);

        using var response = await _gateway.CreateClient(Roles.Admin).PostAsync("/api/v1/marketdata/upload", content, TestContext.Token);
        var echo = await response.Content.ReadFromJsonAsync<Echo>(TestContext.Token);

        Assert.Equal(SignedIdentity.UnsignedPayload, echo!.Headers[SignedIdentity.ContentHashHeader]);
        Assert.Equal(ExpectedSignature("POST", "/api/v1/marketdata/upload", echo.Headers), echo.Headers[SignedIdentity.SignatureHeader]);
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
    public async Task IdentityHeadersFromTheClientAreReplaced()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/backtests/ready");
        request.Headers.Add(SignedIdentity.UserHeader, "mallory");
        request.Headers.Add(SignedIdentity.RolesHeader, Roles.Admin);
        request.Headers.Add(SignedIdentity.TimestampHeader, "1");
        request.Headers.Add(SignedIdentity.RequestIdHeader, "chosen");
        request.Headers.Add(SignedIdentity.SignatureHeader, "forged");

        using var response = await _gateway.CreateClient().SendAsync(request, TestContext.Token);
        var echo = await response.Content.ReadFromJsonAsync<Echo>(TestContext.Token);

        Assert.Equal(SignedIdentity.AnonymousUser, echo!.Headers[SignedIdentity.UserHeader]);
        Assert.NotEqual("chosen", echo.Headers[SignedIdentity.RequestIdHeader]);
        Assert.NotEqual("forged", echo.Headers[SignedIdentity.SignatureHeader]);
    }

    [Fact]
    public async Task AKeyClaimingTheServiceRoleIsNotForwardedAsAService()
    {
        var key = Security.ApiKeyHasher.NewKey();
        using var gateway = TestGateway.Create(services.Urls,
            ("Gateway:ApiKeys:9:Name", "impostor"), ("Gateway:ApiKeys:9:Hash", Security.ApiKeyHasher.Hash(key)),
            ("Gateway:ApiKeys:9:Roles:0", Roles.Reader), ("Gateway:ApiKeys:9:Roles:1", Roles.Service));
        using var client = gateway.CreateClient();
        client.DefaultRequestHeaders.Add("X-API-Key", key);

        using var response = await client.GetAsync("/api/v1/backtests/1", TestContext.Token);
        var echo = await response.Content.ReadFromJsonAsync<Echo>(TestContext.Token);

        Assert.Equal(Roles.Reader, echo!.Headers[SignedIdentity.RolesHeader]);
    }

    private static string ExpectedSignature(string method, string target, Dictionary<string, string> headers)
    {
        var canonical = string.Join('\n', "PLATFORM-HMAC-SHA256", method, target, headers[SignedIdentity.TimestampHeader],
            headers[SignedIdentity.RequestIdHeader], headers[SignedIdentity.ContentHashHeader], headers[SignedIdentity.UserHeader],
            headers[SignedIdentity.RolesHeader]);
        return Hex(HMACSHA256.HashData(Encoding.UTF8.GetBytes(TestGateway.IdentitySecret), Encoding.UTF8.GetBytes(canonical)));
    }

    private static string Hex(byte[] bytes) => Convert.ToHexString(bytes).ToLowerInvariant();
}
