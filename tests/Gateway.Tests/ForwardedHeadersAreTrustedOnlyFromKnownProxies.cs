using Microsoft.Extensions.Hosting;
using Platform.Testing.Identity;

namespace Platform.Gateway.Tests;

/// <summary>A process takes the client's address from <c>X-Forwarded-For</c> only when the sender is a configured proxy.</summary>
public sealed class ForwardedHeadersAreTrustedOnlyFromKnownProxies
{
    private const string ForwardedClient = "203.0.113.9";

    [Fact]
    public async Task WithoutConfiguredProxiesTheHeaderIsIgnored() =>
        Assert.Equal("127.0.0.1", await ClientAddressAsync());

    [Fact]
    public async Task TheAspNetCoreSwitchAloneDoesNotTrustEverySender() =>
        Assert.Equal("127.0.0.1", await ClientAddressAsync(("FORWARDEDHEADERS_ENABLED", "true")));

    [Fact]
    public async Task AProxyElsewhereIsNotTrusted() =>
        Assert.Equal("127.0.0.1", await ClientAddressAsync(("Platform:ForwardedHeaders:KnownNetworks:0", "10.0.0.0/8")));

    [Theory]
    [InlineData("Platform:ForwardedHeaders:KnownProxies:0", "127.0.0.1")]
    [InlineData("Platform:ForwardedHeaders:KnownNetworks:0", "127.0.0.0/8")]
    public async Task AConfiguredProxyIsTrusted(string key, string value) =>
        Assert.Equal(ForwardedClient, await ClientAddressAsync((key, value)));

    [Fact]
    public async Task AMalformedSettingStopsTheStart()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => SignedCallsPassARealService.StartServiceAsync(
            TestGateway.IdentitySecret, Environments.Production, ("Platform:ForwardedHeaders:KnownNetworks:0", "not-a-network")));

        Assert.Contains("not-a-network", error.Message, StringComparison.Ordinal);
    }

    private static async Task<string> ClientAddressAsync(params (string Key, string Value)[] settings)
    {
        var (app, url) = await SignedCallsPassARealService.StartServiceAsync(TestGateway.IdentitySecret, Environments.Production, settings);
        await using var _ = app;
        using var client = new HttpClient { BaseAddress = new Uri(url) };
        using var request = new HandSignedRequest(HttpMethod.Get, "/client") { Secret = TestGateway.IdentitySecret, User = "reader", Roles = Roles.Reader }.Build();
        request.Headers.Add("X-Forwarded-For", ForwardedClient);

        using var response = await client.SendAsync(request, TestContext.Token);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync(TestContext.Token);
    }
}
