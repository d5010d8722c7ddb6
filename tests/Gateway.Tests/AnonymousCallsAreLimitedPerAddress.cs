using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Platform.Gateway.Tests;

/// <summary>
/// Calls without a key (documents, probes, <c>/docs</c>, refused keys) share one bucket per client address,
/// <c>Gateway:RateLimits:anonymous</c>; keyed calls never draw from it.
/// </summary>
public sealed class AnonymousCallsAreLimitedPerAddress(FakeServices services) : IClassFixture<FakeServices>, IDisposable
{
    private const int Allowance = 3;

    private readonly WebApplicationFactory<Program> _gateway = Limited(services);

    public void Dispose() => _gateway.Dispose();

    /// <summary>Each case gets a gateway of its own, so that each starts with a full bucket.</summary>
    [Theory]
    [InlineData("/openapi/backtests/v1.json")]
    [InlineData("/health/marketdata/ready")]
    [InlineData("/api/v1/health/live")]
    [InlineData("/docs/")]
    public async Task AnAnonymousRouteAnswersExactlyTheAllowanceThen429(string path)
    {
        using var gateway = Limited(services);
        var client = gateway.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var call = 0; call < Allowance + 2; call++)
        {
            using var response = await client.GetAsync(path, TestContext.Token);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.InRange(response.Headers.RetryAfter?.Delta ?? TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            }
        }

        Assert.All(statuses.Take(Allowance), status => Assert.NotEqual(HttpStatusCode.TooManyRequests, status));
        Assert.All(statuses.Skip(Allowance), status => Assert.Equal(HttpStatusCode.TooManyRequests, status));
    }

    [Fact]
    public async Task RefusedKeysDrawFromTheAddressBucketToo()
    {
        var client = _gateway.CreateClient();
        client.DefaultRequestHeaders.Add("X-API-Key", "guessing-" + Guid.NewGuid());

        var statuses = new List<HttpStatusCode>();
        for (var call = 0; call < Allowance + 2; call++)
        {
            using var response = await client.GetAsync("/api/v1/backtests/1", TestContext.Token);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Unauthorized, Allowance), HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task KeyedCallsDoNotDrawFromTheAnonymousBucket()
    {
        var keyed = _gateway.CreateClient(Roles.Reader);
        for (var call = 0; call < Allowance * 3; call++)
        {
            using var response = await keyed.GetAsync("/openapi/backtests/v1.json", TestContext.Token);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    /// <summary>A gateway whose anonymous bucket holds <see cref="Allowance"/> tokens and refills one an hour.</summary>
    private static WebApplicationFactory<Program> Limited(FakeServices services) => TestGateway.Create(services.Urls,
        ("Gateway:RateLimits:anonymous:TokenLimit", "3"),
        ("Gateway:RateLimits:anonymous:TokensPerPeriod", "1"),
        ("Gateway:RateLimits:anonymous:Period", "01:00:00"));
}
