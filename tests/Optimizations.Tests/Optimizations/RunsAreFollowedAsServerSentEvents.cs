using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Optimizations.Tests.Grid;
using Platform.Testing;

namespace Platform.Optimizations.Tests.Optimizations;

/// <summary>
/// <c>GET /api/v1/optimizations/{id}/events</c> (docs/api-behaviour.md, 3.11): the state at once, then every change of the run
/// until it ends, the last event being what <c>GET /{id}</c> answers.
/// </summary>
public sealed class RunsAreFollowedAsServerSentEvents(OptimizationsFactory factory) : IClassFixture<OptimizationsFactory>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task AGridIsFollowedFromQueuedToItsFinalState()
    {
        using var cancellation = new CancellationTokenSource(Timeout);
        var client = factory.CreateClient();
        var id = await OptimizationRequests.CreateIdAsync(factory, client, "events-grid");

        using var stream = await client.OpenEventStreamAsync($"/api/v1/optimizations/{id}/events", cancellation.Token);
        var events = new List<StreamedEvent>();
        await foreach (var item in stream.ReadEventsAsync(cancellation.Token))
        {
            if (item.IsComment)
            {
                continue;
            }
            events.Add(item);
            if (events.Count == 1)
            {
                using var started = await client.PostAsJsonAsync($"/api/v1/optimizations/{id}/grid", new JsonObject(), cancellation.Token);
                Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
            }
        }
        var answered = await client.GetStringAsync($"/api/v1/optimizations/{id}", cancellation.Token);

        Assert.Equal(HttpStatusCode.OK, stream.StatusCode);
        Assert.Equal("text/event-stream", stream.Content.Headers.ContentType?.MediaType);
        var first = events[0].Json;
        Assert.Equal("state", events[0].Type);
        Assert.Equal("queued", first.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, first.GetProperty("progress").ValueKind);
        Assert.All(events[..^1], item => Assert.Equal("state", item.Type));
        Assert.Equal("end", events[^1].Type);
        Assert.Equal(events.Count, events.Select(item => item.Id).Distinct().Count());
        var progress = events.Select(item => item.Json.GetProperty("progress")).Where(value => value.ValueKind == JsonValueKind.Object).ToList();
        var done = progress.Select(value => value.GetProperty("combinations_done").GetInt32()).ToList();
        Assert.Equal(done.Order(), done);
        // Nine combinations in chunks of four: 4, 4 and 1.
        Assert.All(progress, value => Assert.Equal((9, 3), (value.GetProperty("combinations_total").GetInt32(), value.GetProperty("chunks_total").GetInt32())));
        Assert.All(progress.Where(value => value.GetProperty("fraction").GetDouble() is > 0 and < 1),
            value => Assert.True(value.GetProperty("estimated_remaining_seconds").GetDouble() >= 0));
        var last = events[^1].Json;
        Assert.Equal("completed", last.GetProperty("status").GetString());
        Assert.Equal(9, last.GetProperty("progress").GetProperty("combinations_done").GetInt32());
        Assert.Equal(1, last.GetProperty("progress").GetProperty("fraction").GetDouble());
        Assert.Equal(JsonValueKind.Null, last.GetProperty("progress").GetProperty("estimated_remaining_seconds").ValueKind);
        Assert.Equal(answered, events[^1].Data);
    }

    [Fact]
    public async Task AWalkForwardRunIsFollowedWindowByWindowToItsFinalState()
    {
        using var cancellation = new CancellationTokenSource(Timeout);
        var client = factory.CreateClient();
        var id = await OptimizationRequests.CreateIdAsync(factory, client, "events-walk", body => body["end_date"] = OptimizationRequests.Start.AddDays(30).ToString("O"));

        using var stream = await client.OpenEventStreamAsync($"/api/v1/optimizations/{id}/events", cancellation.Token);
        var events = new List<StreamedEvent>();
        await foreach (var item in stream.ReadEventsAsync(cancellation.Token))
        {
            if (item.IsComment)
            {
                continue;
            }
            events.Add(item);
            if (events.Count == 1)
            {
                using var started = await client.PostAsJsonAsync(
                    $"/api/v1/optimizations/{id}/walk-forward", new JsonObject { ["train_size"] = 8, ["test_size"] = 4, ["step_size"] = 4 }, cancellation.Token);
                Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
            }
        }
        var answered = await client.GetStringAsync($"/api/v1/optimizations/{id}", cancellation.Token);

        Assert.Equal(("state", "queued"), (events[0].Type, events[0].Json.GetProperty("status").GetString()));
        Assert.Equal("end", events[^1].Type);
        var progress = events.Select(item => item.Json.GetProperty("progress")).Where(value => value.ValueKind == JsonValueKind.Object).ToList();
        var windows = progress.Select(value => value.GetProperty("chunks_done").GetInt32()).ToList();
        Assert.Equal(windows.Order(), windows);
        // A walk-forward run's fraction counts its windows.
        Assert.All(progress.Where(value => value.GetProperty("chunks_total").GetInt32() > 0), value => Assert.Equal(
            Math.Round((double)value.GetProperty("chunks_done").GetInt32() / value.GetProperty("chunks_total").GetInt32(), 4),
            value.GetProperty("fraction").GetDouble()));
        var last = events[^1].Json;
        Assert.Equal(("completed", "walk_forward", 5, 5, 1.0), (
            last.GetProperty("status").GetString(),
            last.GetProperty("progress").GetProperty("run_type").GetString(),
            last.GetProperty("progress").GetProperty("chunks_done").GetInt32(),
            last.GetProperty("progress").GetProperty("chunks_total").GetInt32(),
            last.GetProperty("progress").GetProperty("fraction").GetDouble()));
        Assert.Equal(answered, events[^1].Data);
    }

    [Fact]
    public async Task AnEndedRunSendsItsFinalStateAndAReconnectNamingItGets204()
    {
        using var cancellation = new CancellationTokenSource(Timeout);
        var client = factory.CreateClient();
        var id = await OptimizationRequests.CreateIdAsync(factory, client, "events-ended");
        using (var started = await client.PostAsJsonAsync($"/api/v1/optimizations/{id}/grid", new JsonObject(), cancellation.Token))
        {
            Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        }
        await Eventually.ReturnsAsync(
            () => OptimizationRequests.GetAsync(client, id), run => run.GetProperty("status").GetString() == "completed", Timeout, "the grid to complete");
        var path = $"/api/v1/optimizations/{id}/events";

        using var stream = await client.OpenEventStreamAsync(path, cancellation.Token);
        var events = await stream.ReadAllEventsAsync(cancellation.Token);
        using var named = await client.OpenEventStreamAsync(path, cancellation.Token, lastEventId: events[0].Id);
        using var older = await client.OpenEventStreamAsync(path, cancellation.Token, lastEventId: "0123456789abcdef");
        var resent = await older.ReadAllEventsAsync(cancellation.Token);

        var only = Assert.Single(events);
        Assert.Equal("end", only.Type);
        Assert.Equal(await client.GetStringAsync($"/api/v1/optimizations/{id}", cancellation.Token), only.Data);
        Assert.Equal(HttpStatusCode.NoContent, named.StatusCode);
        Assert.Equal(HttpStatusCode.OK, older.StatusCode);
        Assert.Equal([(only.Id, only.Data)], resent.Select(item => (item.Id, item.Data)));
    }

    [Fact]
    public async Task CancellingAQueuedOptimizationEndsItsStreamWithTheCancelledState()
    {
        using var cancellation = new CancellationTokenSource(Timeout);
        var client = factory.CreateClient();
        var id = await OptimizationRequests.CreateIdAsync(factory, client, "events-cancel");

        using var stream = await client.OpenEventStreamAsync($"/api/v1/optimizations/{id}/events", cancellation.Token);
        var statuses = new List<(string?, string?)>();
        await foreach (var item in stream.ReadEventsAsync(cancellation.Token))
        {
            if (item.IsComment)
            {
                continue;
            }
            statuses.Add((item.Type, item.Json.GetProperty("status").GetString()));
            if (statuses.Count == 1)
            {
                using var cancelled = await client.PutAsJsonAsync($"/api/v1/optimizations/{id}", new JsonObject { ["status"] = "cancelled" }, cancellation.Token);
                Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
            }
        }

        Assert.Equal([("state", "queued"), ("end", "cancelled")], statuses);
    }

    [Fact]
    public async Task TheOpenApiDocumentDescribesTheStreamAsEventsOfTheOptimization()
    {
        var document = JsonDocument.Parse(await factory.CreateClient().GetStringAsync("/openapi/v1.json")).RootElement;

        var responses = document.GetProperty("paths").GetProperty("/api/v1/optimizations/{id}/events").GetProperty("get").GetProperty("responses");
        var schema = responses.GetProperty("200").GetProperty("content").GetProperty("text/event-stream").GetProperty("schema");

        Assert.Equal("#/components/schemas/OptimizationView", schema.GetProperty("$ref").GetString());
        Assert.True(responses.TryGetProperty("204", out _), "the reconnect that names the end event is documented");
    }

    [Fact]
    public async Task AnUnknownOptimizationIs404AsItsGetIs()
    {
        var client = factory.CreateClient();

        using var response = await client.GetAsync("/api/v1/optimizations/987654321/events");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Optimization not found", problem.GetProperty("title").GetString());
    }
}
