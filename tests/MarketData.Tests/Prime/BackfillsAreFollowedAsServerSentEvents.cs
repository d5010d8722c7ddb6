using System.Net;
using Platform.Testing;
using Platform.Testing.FakeBybit;

namespace Platform.MarketData.Tests.Prime;

/// <summary>Market data whose event streams poll every 100 ms and keep quiet streams alive every 300 ms.</summary>
public sealed class StreamingMarketDataFactory : MarketDataFactory
{
    public StreamingMarketDataFactory()
    {
        Set("Events:PollInterval", "00:00:00.100");
        Set("Events:KeepAliveInterval", "00:00:00.300");
    }
}

/// <summary>
/// <c>GET /api/v1/marketdata/bybit/prime/{job_id}/events</c> (docs/api-behaviour.md, 4.17). Bybit answers each page after
/// <see cref="PageDelay"/>, so that every page stored is a state of its own that the stream sees, with quiet time between.
/// </summary>
public sealed class BackfillsAreFollowedAsServerSentEvents(StreamingMarketDataFactory factory) : IClassFixture<StreamingMarketDataFactory>
{
    private static readonly TimeSpan PageDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task ABackfillIsFollowedPageByPageToItsFinalState()
    {
        using var cancellation = new CancellationTokenSource(Timeout);
        factory.Bybit.SetFault(FakeFault.Delay(PageDelay), FakeBybitServer.KlinePath, "EVENTSUSDT");
        var client = factory.CreateClient();
        using var accepted = await PrimeJobsBackfillTheStore.PrimeAsync(client, ("symbol", "EVENTSUSDT"), ("intervals", "60"), ("load_limit", "3000"));
        var location = accepted.Headers.Location!.ToString();

        using var stream = await client.OpenEventStreamAsync($"{location}/events", cancellation.Token);
        var items = new List<StreamedEvent>();
        await foreach (var item in stream.ReadEventsAsync(cancellation.Token))
        {
            items.Add(item);
        }
        var answered = await client.GetStringAsync(location, cancellation.Token);

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal("text/event-stream", stream.Content.Headers.ContentType?.MediaType);
        var events = items.Where(item => !item.IsComment).ToList();
        Assert.Equal("state", events[0].Type);
        Assert.All(events[..^1], item => Assert.Equal("state", item.Type));
        Assert.Equal("end", events[^1].Type);
        var pages = events.Select(item => item.Json.GetProperty("pages_done").GetInt32()).ToList();
        Assert.Equal(pages.Order(), pages);
        Assert.Equal([0, 1, 2, 3], pages.Distinct());
        Assert.All(events, item => Assert.Equal(3, item.Json.GetProperty("pages_total").GetInt32()));
        // Pages one and two each stay for a whole page delay: the estimate from their rate is in those events.
        Assert.All(events.Where(item => item.Json.GetProperty("pages_done").GetInt32() is 1 or 2),
            item => Assert.True(item.Json.GetProperty("estimated_remaining_seconds").GetDouble() > 0));
        Assert.Contains(items, item => item.Comment == "keep-alive");
        var last = events[^1].Json;
        Assert.Equal(("completed", 1.0, 3_000L), (last.GetProperty("status").GetString(), last.GetProperty("progress").GetDouble(), last.GetProperty("candles_stored").GetInt64()));
        Assert.Equal(answered, events[^1].Data);
    }

    [Fact]
    public async Task AnUnknownJobIsNotFoundAndAMalformedIdIsAValidationProblem()
    {
        var client = factory.CreateClient();

        using var unknown = await client.GetAsync("/api/v1/marketdata/bybit/prime/0190a0a0-0000-7000-8000-000000000000/events");
        using var malformed = await client.GetAsync("/api/v1/marketdata/bybit/prime/not-a-job/events");

        var problem = await Problems.AssertProblemAsync(unknown, HttpStatusCode.NotFound);
        Assert.Equal("No backfill job 0190a0a0-0000-7000-8000-000000000000.", problem.GetProperty("detail").GetString());
        await Problems.AssertValidationAsync(malformed, "job_id", "job_id must be a UUID.");
    }
}
