using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Platform.Gateway.Security;
using Platform.Testing;
using Platform.Testing.LocalServers;

namespace Platform.Gateway.Tests;

public sealed class LimitsProtectTheServices(FakeServices services) : IClassFixture<FakeServices>, IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    private readonly WebApplicationFactory<Program> _gateway = TestGateway.Create(services.Urls,
        ("Gateway:Limits:RequestTimeout", Timeout.ToString()));

    public void Dispose() => _gateway.Dispose();

    [Theory]
    [InlineData("/api/v1/backtests/", 1L << 20)]
    [InlineData("/api/v1/marketdata/upload", (100L << 20) + (64L << 10))]
    public async Task ABodyOverItsRoutesLimitIsRejectedWith413NamingTheLimit(string path, long limit)
    {
        using var content = new StreamContent(new ZeroStream(limit + 1));

        using var response = await _gateway.CreateClient(Roles.Admin).PostAsync(path, content, TestContext.Token);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Token);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"This route accepts at most {limit} bytes.", problem.GetProperty("detail").GetString());
        Assert.True(response.Headers.ConnectionClose);
    }

    /// <summary>
    /// On Kestrel, which holds a body to the route's limit as it streams (the in-memory server does not), with a cap of
    /// 1 MiB: the fake service reads on, so the gateway's own limit is what stops the body.
    /// </summary>
    [Fact]
    public async Task AChunkedUploadPastTheCapIsCutAtTheCapWith413AndTheConnectionClosed()
    {
        const long cap = 1L << 20;
        using var gateway = TestGateway.Create(services.Urls, ("Gateway:Limits:MaxUploadBodySize", cap.ToString(CultureInfo.InvariantCulture)));
        gateway.UseKestrel(FreePort.Next());
        gateway.StartServer();
        var address = new Uri(gateway.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
        using var content = new StreamContent(new ZeroStream(16 * cap, seekable: false));

        var answer = await EarlyAnswerClient.PostChunkedAsync(
            address, "/api/v1/marketdata/upload", TestGateway.KeyFor(Roles.Admin), content, TestContext.Token);
        var problem = JsonDocument.Parse(answer.Body).RootElement;

        Assert.Equal((int)HttpStatusCode.RequestEntityTooLarge, answer.Status);
        Assert.Equal("application/problem+json", answer.Headers["Content-Type"]);
        Assert.Equal("close", answer.Headers["Connection"]);
        Assert.Equal($"This route accepts at most {cap} bytes.", problem.GetProperty("detail").GetString());
        Assert.True(answer.BodyBytesSent > cap, $"answered after {answer.BodyBytesSent} bytes");
    }

    /// <summary>
    /// HttpClient sends the whole body before it reads: the gateway, reading and dropping the rest after its 413 rather than
    /// closing on unread bytes (which resets the connection), lets even such a client see the answer.
    /// </summary>
    [Fact]
    public async Task AClientThatSendsTheWholeChunkedBodyBeforeReadingStillGetsThe413()
    {
        const long cap = 1L << 20;
        using var gateway = TestGateway.Create(services.Urls, ("Gateway:Limits:MaxUploadBodySize", cap.ToString(CultureInfo.InvariantCulture)));
        gateway.UseKestrel(FreePort.Next());
        gateway.StartServer();
        var address = new Uri(gateway.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
        using var client = new HttpClient { BaseAddress = address };
        client.DefaultRequestHeaders.Add("X-API-Key", TestGateway.KeyFor(Roles.Admin));
        using var content = new StreamContent(new ZeroStream(8 * cap, seekable: false));

        using var response = await client.PostAsync("/api/v1/marketdata/upload", content, TestContext.Token);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Token);

        Assert.Null(content.Headers.ContentLength);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal($"This route accepts at most {cap} bytes.", problem.GetProperty("detail").GetString());
        Assert.True(response.Headers.ConnectionClose);
    }

    [Theory]
    [InlineData("/api/v1/backtests/", 1L << 20)]
    [InlineData("/api/v1/marketdata/upload", (100L << 20) + (64L << 10))]
    public async Task ABodyOfExactlyItsRoutesLimitReachesTheService(string path, long limit)
    {
        using var content = new StreamContent(new ZeroStream(limit));

        using var response = await _gateway.CreateClient(Roles.Admin).PostAsync(path, content, TestContext.Token);
        var echo = await response.Content.ReadFromJsonAsync<Echo>(TestContext.Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(path, echo!.Path);
        Assert.Equal(limit, echo.BodyLength);
    }

    /// <summary>
    /// A service may refuse an upload by its declared length without reading it, as market data does past its own limit, and
    /// then close the connection: its 413 still reaches the caller, where a proxy sending the body regardless would lose it
    /// and answer 502.
    /// </summary>
    [Fact]
    public async Task AnUploadTheServiceRefusesUnreadGetsTheServicesAnswer()
    {
        using var content = new StreamContent(new ZeroStream(50L << 20));

        using var response = await _gateway.CreateClient(Roles.Admin).PostAsync("/api/v1/marketdata/upload?refuse_over=1024", content, TestContext.Token);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(FakeServices.RefusedUnread, await response.Content.ReadAsStringAsync(TestContext.Token));
    }

    [Fact]
    public async Task ASlowUpstreamTimesOutWith504AtTheConfiguredTimeout()
    {
        var client = _gateway.CreateClient(Roles.Reader);
        // A first call starts the gateway and its connection to the service, which the timed call must not include.
        using (var warm = await client.GetAsync("/api/v1/backtests/1", TestContext.Token))
        {
            Assert.Equal(HttpStatusCode.OK, warm.StatusCode);
        }
        var watch = Stopwatch.StartNew();

        using var response = await client.GetAsync("/api/v1/backtests/1/slow", TestContext.Token);
        watch.Stop();
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Token);

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(504, problem.GetProperty("status").GetInt32());
        TimeoutBounds.AssertEndedAt(Timeout, watch.Elapsed);
    }
}
