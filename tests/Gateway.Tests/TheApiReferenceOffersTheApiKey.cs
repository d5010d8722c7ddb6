using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Hosting;
using Platform.ServiceDefaults;

namespace Platform.Gateway.Tests;

/// <summary>
/// <c>/docs</c> offers a place for the API key: the documents it loads through the gateway, from a service built like the
/// platform's, declare the header and bearer schemes and require them where a key is needed, and the page prefers the header.
/// </summary>
public sealed class TheApiReferenceOffersTheApiKey : IAsyncLifetime
{
    private WebApplication _service = null!;
    private WebApplicationFactory<Program> _gateway = null!;

    public async Task InitializeAsync()
    {
        (_service, var url) = await SignedCallsPassARealService.StartServiceAsync(TestGateway.IdentitySecret, Environments.Production);
        _gateway = TestGateway.Create(ResourceNames.Services.ToDictionary(service => service, _ => url));
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _service.DisposeAsync();
    }

    [Fact]
    public async Task TheDocumentTheReferenceLoadsDeclaresTheHeaderAndBearerSchemes()
    {
        var document = JsonDocument.Parse(await _gateway.CreateClient().GetStringAsync("/docs/openapi/backtests/v1.json", TestContext.Token)).RootElement;

        var schemes = document.GetProperty("components").GetProperty("securitySchemes");
        Assert.Equal(
            ("apiKey", "header", "X-API-Key"),
            (schemes.GetProperty("ApiKey").GetProperty("type").GetString(), schemes.GetProperty("ApiKey").GetProperty("in").GetString(),
                schemes.GetProperty("ApiKey").GetProperty("name").GetString()));
        Assert.Equal(
            ("http", "bearer"),
            (schemes.GetProperty("Bearer").GetProperty("type").GetString(), schemes.GetProperty("Bearer").GetProperty("scheme").GetString()));
    }

    [Fact]
    public async Task AnOperationThatNeedsAKeyRequiresEitherScheme()
    {
        var document = JsonDocument.Parse(await _gateway.CreateClient().GetStringAsync("/docs/openapi/backtests/v1.json", TestContext.Token)).RootElement;

        var read = document.GetProperty("paths").EnumerateObject().Single(path => path.Name.StartsWith("/api/v1/", StringComparison.Ordinal)).Value.GetProperty("get");
        Assert.Equal(
            ["ApiKey", "Bearer"],
            read.GetProperty("security").EnumerateArray().SelectMany(requirement => requirement.EnumerateObject().Select(scheme => scheme.Name)));
        Assert.Equal(["reader", "admin"], read.GetProperty("x-required-roles").EnumerateArray().Select(role => role.GetString()));
    }

    [Fact]
    public async Task ThePageOffersTheHeaderKeyFirst()
    {
        var page = await _gateway.CreateClient().GetStringAsync("/docs/", TestContext.Token);

        Assert.Contains("\"authentication\":{\"preferredSecurityScheme\":[\"ApiKey\"]}", page, StringComparison.Ordinal);
    }
}
