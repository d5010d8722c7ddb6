using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Platform.Client;
using Platform.Client.Optimizations.Models;
using Platform.Testing;

namespace Platform.EndToEnd.Tests;

/// <summary>
/// An optimization's event stream (docs/api-behaviour.md, 3.11) through the gateway with the API key, as
/// <c>curl -N</c> follows it: held open past the gateway's request timeout before the grid starts, then following the grid
/// to its end.
/// </summary>
[Collection(PlatformFixture.Collection)]
public sealed class AGridIsFollowedLiveThroughTheGateway(PlatformFixture platform)
{
    /// <summary><c>Gateway:Limits:RequestTimeout</c> as the AppHost leaves it.</summary>
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task TheStreamOutlastsTheRequestTimeoutAndFollowsTheGridToItsEnd()
    {
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var gateway = platform.Gateway;
        var optimizations = platform.Api.Optimizations.Api.V1.Optimizations;
        var id = (await optimizations.PostAsync(Grid(await platform.Api.CreateStrategyAsync("end-to-end events"))))!.Id!.Value;

        using var stream = await gateway.OpenEventStreamAsync($"/api/v1/optimizations/{id}/events", cancellation.Token);
        var clock = Stopwatch.StartNew();
        var items = new List<StreamedEvent>();
        TimeSpan? quietFor = null;
        await foreach (var item in stream.ReadEventsAsync(cancellation.Token))
        {
            items.Add(item);
            // The service comments after 15 s without an event: at the second comment the stream has been quiet for 30 s.
            if (quietFor is null && items.Count(seen => seen.IsComment) == 2)
            {
                quietFor = clock.Elapsed;
                await optimizations[id].Grid.PostAsync(new GridRunRequest(), cancellationToken: cancellation.Token);
            }
        }
        var answered = await gateway.GetStringAsync($"/api/v1/optimizations/{id}", cancellation.Token);

        Assert.Equal(HttpStatusCode.OK, stream.StatusCode);
        Assert.Equal("text/event-stream", stream.Content.Headers.ContentType?.MediaType);
        Assert.True(quietFor > RequestTimeout, $"the grid started after {quietFor}");
        var events = items.Where(item => !item.IsComment).ToList();
        Assert.Equal(("state", "queued"), (events[0].Type, events[0].Json.GetProperty("status").GetString()));
        Assert.Equal("end", events[^1].Type);
        var done = events.Select(item => item.Json.GetProperty("progress"))
            .Where(progress => progress.ValueKind == JsonValueKind.Object)
            .Select(progress => progress.GetProperty("combinations_done").GetInt32())
            .ToList();
        Assert.Equal(done.Order(), done);
        var last = events[^1].Json;
        Assert.Equal(("completed", 9, 9), (
            last.GetProperty("status").GetString(),
            last.GetProperty("progress").GetProperty("combinations_done").GetInt32(),
            last.GetProperty("progress").GetProperty("combinations_total").GetInt32()));
        Assert.Equal(answered, events[^1].Data);
    }

    [Fact]
    public async Task AnUnknownRunIs404AndAStreamWithoutTheKeyIs401()
    {
        using var anonymous = new HttpClient { BaseAddress = platform.GatewayUrl };

        using var unknown = await platform.Gateway.GetAsync("/api/v1/optimizations/987654321/events");
        using var refused = await anonymous.GetAsync("/api/v1/optimizations/987654321/events");

        var problem = await GatewayCalls.ReadAsync(unknown, HttpStatusCode.NotFound);
        Assert.Equal("Optimization not found", problem.GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    private static CreateOptimizationRequest Grid(long strategyId) => new()
    {
        StrategyId = strategyId,
        OptimizationType = "grid_search",
        Symbol = "SOLUSDT",
        Timeframe = "60",
        StartDate = new DateTimeOffset(2024, 2, 1, 0, 0, 0, TimeSpan.Zero),
        EndDate = new DateTimeOffset(2024, 4, 1, 0, 0, 0, TimeSpan.Zero),
        ParamRanges = UntypedJson.Parse("""{"fast": [5, 10, 20], "slow": {"min": 30, "max": 60, "step": 15}}"""),
        Metric = "total_return",
        InitialCapital = 10_000,
    };
}
