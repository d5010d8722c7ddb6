using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Platform.Gateway.Security;

namespace Platform.Gateway.Tests;

public sealed class RequestIdsCorrelateCalls(FakeServices services) : IClassFixture<FakeServices>, IDisposable
{
    private const string Header = "X-Request-ID";

    private readonly WebApplicationFactory<Program> _gateway = TestGateway.Create(services.Urls);

    public void Dispose() => _gateway.Dispose();

    [Fact]
    public async Task AWellFormedIdIsForwardedAndReturned()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/backtests/1");
        request.Headers.Add(Header, "client-id-42");

        using var response = await _gateway.CreateClient(Roles.Reader).SendAsync(request, TestContext.Token);
        var echo = await response.Content.ReadFromJsonAsync<Echo>(TestContext.Token);

        Assert.Equal("client-id-42", echo!.Headers[Header]);
        Assert.Equal("client-id-42", Assert.Single(response.Headers.GetValues(Header)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("has spaces and {braces}")]
    [InlineData("0123456789012345678901234567890123456789012345678901234567890123456789")]
    public async Task AMissingOrMalformedIdIsReplacedByANewOne(string? presented)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/backtests/1");
        if (presented is not null)
        {
            request.Headers.TryAddWithoutValidation(Header, presented);
        }

        using var response = await _gateway.CreateClient(Roles.Reader).SendAsync(request, TestContext.Token);
        var echo = await response.Content.ReadFromJsonAsync<Echo>(TestContext.Token);

        var returned = Assert.Single(response.Headers.GetValues(Header));
        Assert.NotEqual(presented, returned);
        Assert.Matches("^[0-9a-f]{32}$", returned);
        Assert.Equal(returned, echo!.Headers[Header]);
    }

    [Theory]
    [InlineData("client-id-7", "client-id-7")]
    [InlineData(null, "^[0-9a-f]{32}$")]
    public async Task TheGatewaysOwnAnswersCarryTheIdToo(string? presented, string expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/backtests/1");
        if (presented is not null)
        {
            request.Headers.Add(Header, presented);
        }

        using var response = await _gateway.CreateClient().SendAsync(request, TestContext.Token);

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Matches(expected, Assert.Single(response.Headers.GetValues(Header)));
    }
}
