using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Hosting;

namespace Platform.Gateway.Tests;

/// <summary>
/// The identity headers the gateway signed for a reader, as a service behind it received them, sent on to a real service
/// with <c>X-Platform-Roles</c> changed to <c>admin</c>: refused, since the roles are signed; the same headers unchanged
/// are accepted.
/// </summary>
public sealed class RolesChangedAfterTheGatewaySignedAreRefused(FakeServices services) : IClassFixture<FakeServices>, IAsyncLifetime
{
    private const string Path = "/api/v1/backtests/7";

    private WebApplicationFactory<Program> _gateway = null!;
    private WebApplication _service = null!;

    public async Task InitializeAsync()
    {
        _gateway = TestGateway.Create(services.Urls);
        (_service, _) = await SignedCallsPassARealService.StartServiceAsync(TestGateway.IdentitySecret, Environments.Production);
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _service.DisposeAsync();
    }

    [Fact]
    public async Task AnAdminRolesHeaderOnAReadersSignatureIsRefused()
    {
        using var signed = await _gateway.CreateClient(Roles.Reader).GetAsync(Path, TestContext.Token);
        var received = (await signed.Content.ReadFromJsonAsync<Echo>(TestContext.Token))!.Headers;
        using var service = new HttpClient { BaseAddress = new Uri(_service.Urls.Single()) };

        using var tampered = await service.SendAsync(Resent(received, Roles.Admin), TestContext.Token);
        var problem = await tampered.Content.ReadFromJsonAsync<JsonElement>(TestContext.Token);
        using var untouched = await service.SendAsync(Resent(received, received[SignedIdentity.RolesHeader]), TestContext.Token);

        Assert.Equal(Roles.Reader, received[SignedIdentity.RolesHeader]);
        Assert.Equal(HttpStatusCode.Unauthorized, tampered.StatusCode);
        Assert.Equal("The signature does not match this method, path, query, body and identity.", problem.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.OK, untouched.StatusCode);
        Assert.Equal("reader as reader", await untouched.Content.ReadAsStringAsync(TestContext.Token));
    }

    /// <summary>The gateway's call again, with its identity headers and <paramref name="roles"/> in <c>X-Platform-Roles</c>.</summary>
    private static HttpRequestMessage Resent(Dictionary<string, string> received, string roles)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, Path);
        foreach (var header in SignedIdentity.Headers)
        {
            request.Headers.Add(header, header == SignedIdentity.RolesHeader ? roles : received[header]);
        }
        return request;
    }
}
