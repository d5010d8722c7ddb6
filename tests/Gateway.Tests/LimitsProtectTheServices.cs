using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Platform.Gateway.Security;

namespace Platform.Gateway.Tests;

public sealed class LimitsProtectTheServices(FakeServices services) : IClassFixture<FakeServices>, IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    private readonly WebApplicationFactory<Program> _gateway = TestGateway.Create(services.Urls,
        ("Gateway:Limits:RequestTimeout", Timeout.ToString()));

    public void Dispose() => _gateway.Dispose();

    [Fact]
    public async Task AnOversizeBodyIsRejectedWith413()
    {
        using var content = new ByteArrayContent(new byte[(1 << 20) + 1]);

        using var response = await _gateway.CreateClient(Roles.Admin).PostAsync("/api/v1/backtests/", content, TestContext.Token);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task UploadsMayBeLargerThanOtherBodies()
    {
        using var content = new ByteArrayContent(new byte[5 << 20]);

        using var response = await _gateway.CreateClient(Roles.Admin).PostAsync("/api/v1/marketdata/upload", content, TestContext.Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task ASlowUpstreamTimesOutWith504()
    {
        var watch = Stopwatch.StartNew();

        using var response = await _gateway.CreateClient(Roles.Reader).GetAsync("/api/v1/backtests/1/slow", TestContext.Token);

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.InRange(watch.Elapsed, Timeout, Timeout * 10);
    }
}
