using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Testing;

namespace Platform.Backtests.Tests.Backtests;

/// <summary>A backtests replica without workers, whose streams poll every 50 ms and keep quiet streams alive every 300 ms.</summary>
public sealed class StreamingBacktestsFactory : BacktestsFactory
{
    public StreamingBacktestsFactory()
    {
        Set("Backtests:Queue:Concurrency", "0");
        Set("Events:PollInterval", "00:00:00.050");
        Set("Events:KeepAliveInterval", "00:00:00.300");
    }
}

/// <summary>
/// <c>GET /api/v1/backtests/{id}/events</c> (docs/api-behaviour.md, 2.16), driven through the worker protocol so that every
/// step of the run is the test's: each state arrives as one event, the last one is what <c>GET /{id}</c> answers.
/// </summary>
public sealed class RunsAreFollowedAsServerSentEvents(StreamingBacktestsFactory factory) : IClassFixture<StreamingBacktestsFactory>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task ARunIsFollowedFromQueuedThroughItsClaimToCompleted()
    {
        using var cancellation = new CancellationTokenSource(Timeout);
        var client = factory.CreateClient();
        var id = await QueuedAsync(client, "events-run");

        using var stream = await client.OpenEventStreamAsync($"/api/v1/backtests/{id}/events", cancellation.Token);
        var events = new List<StreamedEvent>();
        await foreach (var item in stream.ReadEventsAsync(cancellation.Token))
        {
            if (item.IsComment)
            {
                continue;
            }
            events.Add(item);
            var step = events.Count switch
            {
                1 => client.PostAsJsonAsync($"/api/v1/backtests/{id}/claim", new JsonObject { ["worker_id"] = "events-worker" }, cancellation.Token),
                2 => client.PostAsJsonAsync($"/api/v1/backtests/{id}/results", WorkersClaimAndSubmitOverHttp.Results(trades: 2), cancellation.Token),
                _ => null,
            };
            if (step is not null)
            {
                using var answer = await step;
                Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            }
        }

        Assert.Equal("text/event-stream", stream.Content.Headers.ContentType?.MediaType);
        Assert.True(stream.Headers.CacheControl?.NoCache);
        Assert.Equal(["no"], stream.Headers.GetValues("X-Accel-Buffering"));
        (string?, string?, string?)[] expected = [("state", "queued", null), ("state", "running", "events-worker"), ("end", "completed", "events-worker")];
        Assert.Equal(expected, events.Select(item => (item.Type, item.Json.GetProperty("status").GetString(), item.Json.GetProperty("claimed_by").GetString())));
        Assert.Equal(10_500, events[^1].Json.GetProperty("final_capital").GetDouble());
        Assert.Equal(await client.GetStringAsync($"/api/v1/backtests/{id}", cancellation.Token), events[^1].Data);
    }

    [Fact]
    public async Task AQuietStreamIsKeptAliveWithCommentsAndAFailedRunEndsIt()
    {
        using var cancellation = new CancellationTokenSource(Timeout);
        var client = factory.CreateClient();
        var id = await QueuedAsync(client, "events-quiet");

        using var stream = await client.OpenEventStreamAsync($"/api/v1/backtests/{id}/events", cancellation.Token);
        var items = new List<StreamedEvent>();
        await foreach (var item in stream.ReadEventsAsync(cancellation.Token))
        {
            items.Add(item);
            if (items.Count(seen => seen.IsComment) == 2 && item.IsComment)
            {
                using var failed = await client.PutAsJsonAsync($"/api/v1/backtests/{id}", new JsonObject { ["status"] = "failed" }, cancellation.Token);
                Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
            }
        }

        Assert.Equal(("state", "queued"), (items[0].Type, items[0].Json.GetProperty("status").GetString()));
        Assert.All(items[1..^1], item => Assert.Equal("keep-alive", item.Comment));
        Assert.Equal(("end", "failed"), (items[^1].Type, items[^1].Json.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task ABacktestRemovedWhileFollowedEndsItsStreamWithoutAFinalState()
    {
        using var cancellation = new CancellationTokenSource(Timeout);
        var client = factory.CreateClient();
        var id = await QueuedAsync(client, "events-removed");

        using var stream = await client.OpenEventStreamAsync($"/api/v1/backtests/{id}/events", cancellation.Token);
        var events = new List<string?>();
        await foreach (var item in stream.ReadEventsAsync(cancellation.Token))
        {
            if (!item.IsComment && events.Count == 0)
            {
                await using var connection = new Npgsql.NpgsqlConnection(factory.DatabaseConnectionString);
                await Dapper.SqlMapper.ExecuteAsync(connection, "DELETE FROM backtests WHERE id = @Id", new { Id = id });
            }
            if (!item.IsComment)
            {
                events.Add(item.Type);
            }
        }

        Assert.Equal(["state"], events);
    }

    [Fact]
    public async Task AnUnknownBacktestIs404AsItsGetIs()
    {
        using var response = await factory.CreateClient().GetAsync("/api/v1/backtests/987654321/events");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Backtest not found", problem.GetProperty("title").GetString());
    }

    private static async Task<long> QueuedAsync(HttpClient client, string strategyName)
    {
        var strategyId = await BacktestRequests.CreateStrategyAsync(client, $"{strategyName}-{Guid.NewGuid():N}");
        return (await BacktestRequests.CreateAsync(client, BacktestRequests.Backtest(strategyId))).GetProperty("id").GetInt64();
    }
}
