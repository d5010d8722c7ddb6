using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Mvc.Testing;
using Platform.Gateway.Security;

namespace Platform.Gateway.Tests;

public sealed class ApiKeysAreCheckedAgainstTheirHashes(FakeServices services) : IClassFixture<FakeServices>, IDisposable
{
    private const string Path = "/api/v1/backtests/1";

    private readonly WebApplicationFactory<Program> _gateway = TestGateway.Create(services.Urls);

    public void Dispose() => _gateway.Dispose();

    [Fact]
    public async Task TheKeyIsAcceptedInTheApiKeyHeader()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Path);
        request.Headers.Add("X-API-Key", TestGateway.KeyFor(Roles.Reader));

        using var response = await _gateway.CreateClient().SendAsync(request, TestContext.Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task TheKeyIsAcceptedAsABearerToken()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestGateway.KeyFor(Roles.Reader));

        using var response = await _gateway.CreateClient().SendAsync(request, TestContext.Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task TheStoredHashIsNotAcceptedAsAKey()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Path);
        request.Headers.Add("X-API-Key", ApiKeyHasher.Hash(TestGateway.KeyFor(Roles.Admin)));

        using var response = await _gateway.CreateClient().SendAsync(request, TestContext.Token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task AWrongKeyIsChallengedWithProblemDetails()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Path);
        request.Headers.Add("X-API-Key", ApiKeyHasher.NewKey());

        using var response = await _gateway.CreateClient().SendAsync(request, TestContext.Token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(["Bearer realm=\"platform\"", "ApiKey header=\"X-API-Key\""], response.Headers.WwwAuthenticate.Select(challenge => challenge.ToString()));
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public void HashKeyPrintsTheSha256HexOfTheKey()
    {
        Assert.Equal("2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae", ApiKeyHasher.Hash("foo"));
    }
}
