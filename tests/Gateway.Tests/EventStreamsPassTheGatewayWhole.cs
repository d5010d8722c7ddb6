using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Platform.Testing;

namespace Platform.Gateway.Tests;

/// <summary>
/// Jobs' event streams (docs/api-behaviour.md, 1.9) through a gateway whose request timeout is one second, far below the
/// fake services' <see cref="FakeServices.EventGap"/> of silence within a stream: a stream reaches its caller event by
/// event, is not cut by the timeout, needs a key like any read, and draws one token from the key's bucket.
/// </summary>
public sealed class EventStreamsPassTheGatewayWhole(FakeServices services) : IClassFixture<FakeServices>, IDisposable
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(1);

    private readonly WebApplicationFactory<Program> _gateway = TestGateway.Create(services.Urls,
        ("Gateway:Limits:RequestTimeout", RequestTimeout.ToString()));

    public void Dispose() => _gateway.Dispose();

    [Theory]
    [InlineData("/api/v1/optimizations/42/events", "optimizations")]
    [InlineData("/api/v1/backtests/7/events", "backtests")]
    [InlineData("/api/v1/marketdata/bybit/prime/0190a0a0-0000-7000-8000-000000000000/events", "marketdata")]
    public async Task AStreamSilentLongerThanTheRequestTimeoutArrivesEventByEventAndWhole(string path, string service)
    {
        using var stream = await _gateway.CreateClient(Roles.Reader).OpenEventStreamAsync(path, TestContext.Token);
        var arrivals = new List<(StreamedEvent Event, TimeSpan At)>();
        var clock = Stopwatch.StartNew();
        await foreach (var item in stream.ReadEventsAsync(TestContext.Token))
        {
            arrivals.Add((item, clock.Elapsed));
        }

        Assert.Equal(HttpStatusCode.OK, stream.StatusCode);
        Assert.Equal("text/event-stream", stream.Content.Headers.ContentType?.MediaType);
        Assert.Equal(["state", "end"], arrivals.Select(arrival => arrival.Event.Type));
        Assert.All(arrivals, arrival => Assert.Equal((service, Roles.Reader), (
            arrival.Event.Json.GetProperty("service").GetString(), arrival.Event.Json.GetProperty("user").GetString())));
        // A buffering proxy would hand both events over together when the stream ends.
        var gap = arrivals[1].At - arrivals[0].At;
        Assert.True(gap > RequestTimeout, $"the events arrived {gap} apart");
    }

    [Fact]
    public async Task AStreamDrawsOneTokenFromItsKeysBucketHoweverLongItLasts()
    {
        using var gateway = TestGateway.Create(services.Urls,
            ("Gateway:Limits:RequestTimeout", RequestTimeout.ToString()),
            ("Gateway:RateLimits:reader:TokenLimit", "2"),
            ("Gateway:RateLimits:reader:TokensPerPeriod", "1"),
            ("Gateway:RateLimits:reader:Period", TimeSpan.FromHours(1).ToString()));
        var reader = gateway.CreateClient(Roles.Reader);

        using var stream = await reader.OpenEventStreamAsync("/api/v1/optimizations/42/events", TestContext.Token);
        var statuses = new List<HttpStatusCode>();
        var events = new List<string?>();
        await foreach (var item in stream.ReadEventsAsync(TestContext.Token))
        {
            events.Add(item.Type);
            if (events.Count == 1)
            {
                foreach (var _ in Enumerable.Range(0, 2))
                {
                    using var read = await reader.GetAsync("/api/v1/backtests/1", TestContext.Token);
                    statuses.Add(read.StatusCode);
                }
            }
        }

        Assert.Equal(["state", "end"], events);
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task AStreamWithoutAKeyIs401()
    {
        using var response = await _gateway.CreateClient().GetAsync("/api/v1/optimizations/42/events", TestContext.Token);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(401, problem.GetProperty("status").GetInt32());
    }
}
