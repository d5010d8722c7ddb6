using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Platform.Gateway.Security;
using Platform.Testing;

namespace Platform.Gateway.Tests;

public sealed class RateLimitsArePerKey(FakeServices services) : IClassFixture<FakeServices>, IDisposable
{
    private const string Path = "/api/v1/backtests/1";

    private readonly WebApplicationFactory<Program> _gateway = TestGateway.Create(services.Urls,
        ("Gateway:RateLimits:reader:TokenLimit", "3"),
        ("Gateway:RateLimits:reader:TokensPerPeriod", "3"),
        ("Gateway:RateLimits:reader:Period", "00:00:01"));

    public void Dispose() => _gateway.Dispose();

    [Fact]
    public async Task AKeyOverItsLimitGets429WithRetryAfterAndRecovers()
    {
        using var reader = _gateway.CreateClient(Roles.Reader);
        using var admin = _gateway.CreateClient(Roles.Admin);

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? rejected = null;
        for (var attempt = 0; attempt < 10 && rejected is null; attempt++)
        {
            var response = await reader.GetAsync(Path, TestContext.Token);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                rejected = response;
            }
            else
            {
                response.Dispose();
            }
        }

        Assert.NotNull(rejected);
        using (rejected)
        {
            Assert.InRange(rejected.Headers.RetryAfter?.Delta?.TotalSeconds ?? 0, 1, 2);
            Assert.Equal("application/problem+json", rejected.Content.Headers.ContentType?.MediaType);
        }
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(Path, TestContext.Token)).StatusCode);
        await Eventually.ReturnsAsync(async () => (await reader.GetAsync(Path, TestContext.Token)).StatusCode,
            status => status == HttpStatusCode.OK, TimeSpan.FromSeconds(5), "the reader's bucket to refill");
    }
}
