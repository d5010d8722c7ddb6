using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Optimizations.Tests.Grid;
using Platform.Testing;

namespace Platform.Optimizations.Tests.Search;

/// <summary>
/// Searches as a user runs them (<c>POST /{id}/run/bayesian</c>): trials stored as results of their run, the same seed
/// giving the same trials, early stopping, a space tried whole, the original's typed spaces, and every refusal naming its
/// field.
/// </summary>
public sealed class SearchesRunThroughTheApi(OptimizationsFactory factory) : IClassFixture<OptimizationsFactory>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task TheSameSeedGivesTheSameTrialsAndAnotherSeedOthers()
    {
        var client = factory.CreateClient();
        var id = await OptimizationRequests.CreateIdAsync(factory, client, "search-seed", body => body["param_ranges"] = WideSpace());
        var body = new JsonObject { ["n_trials"] = 24, ["seed"] = 5, ["n_initial"] = 6, ["batch_size"] = 8 };

        var first = await TrialsAsync(client, id, await RunAsync(client, id, "bayesian", body));
        var second = await TrialsAsync(client, id, await RunAsync(client, id, "bayesian", body));
        body["seed"] = 6;
        var other = await TrialsAsync(client, id, await RunAsync(client, id, "bayesian", body));

        Assert.Equal(Enumerable.Range(0, 24), first.Select(trial => trial.Trial));
        Assert.Equal(first, second);
        Assert.NotEqual(first.Select(trial => trial.Params), other.Select(trial => trial.Params));
        Assert.Equal(24, first.Select(trial => trial.Params).Distinct().Count());
    }

    [Fact]
    public async Task EarlyStoppingEndsTheSearchOnceTrialsStopImproving()
    {
        var client = factory.CreateClient();
        var id = await OptimizationRequests.CreateIdAsync(factory, client, "search-early", body => body["param_ranges"] = WideSpace());

        var run = await RunAsync(client, id, "bayesian", new JsonObject { ["n_trials"] = 300, ["seed"] = 2, ["early_stopping"] = 10, ["batch_size"] = 4 });

        var trials = await TrialsAsync(client, id, run);
        var document = run.GetProperty("results");
        Assert.Equal("early_stopping", document.GetProperty("stop_reason").GetString());
        Assert.Equal(trials.Count, document.GetProperty("trials").GetInt32());
        Assert.True(trials.Count < 300);
        // Batches of 4: the search stopped at the first batch boundary with 10 or more trials since the best one.
        var best = FirstBest(trials, trials.Count);
        Assert.True(trials.Count - 1 - best >= 10, $"stopped {trials.Count - 1 - best} trials after the best");
        var boundary = trials.Count - 4;
        Assert.True(boundary - 1 - FirstBest(trials, boundary) < 10, "the search should have stopped a batch earlier");
        Assert.Equal(trials[best].Score, run.GetProperty("best_score").GetDouble());
    }

    [Fact]
    public async Task ASmallSpaceIsTriedWholeAndTheSearchSaysSo()
    {
        var client = factory.CreateClient();
        var id = await OptimizationRequests.CreateIdAsync(factory, client, "search-small");

        var run = await RunAsync(client, id, "bayesian", new JsonObject
        {
            ["param_space"] = new JsonObject { ["fast"] = new JsonArray(3, 5, 30), ["slow"] = new JsonArray(10, 20) },
            ["n_trials"] = 50,
            ["seed"] = 1,
        });

        var trials = await TrialsAsync(client, id, run);
        // fast 30 is never slower than slow 10 or 20: the strategy refuses both, so four points remain.
        Assert.Equal(["{\"fast\":3,\"slow\":10}", "{\"fast\":3,\"slow\":20}", "{\"fast\":5,\"slow\":10}", "{\"fast\":5,\"slow\":20}"], trials.Select(trial => trial.Params).Order());
        Assert.Equal("space_exhausted", run.GetProperty("results").GetProperty("stop_reason").GetString());
        Assert.Equal((4, 50), (run.GetProperty("progress").GetProperty("done").GetInt32(), run.GetProperty("progress").GetProperty("total").GetInt32()));
    }

    [Fact]
    public async Task TheOriginalsTypedSpaceIsReadOntoValues()
    {
        var client = factory.CreateClient();
        var id = await OptimizationRequests.CreateIdAsync(factory, client, "search-typed");

        var run = await RunAsync(client, id, "run/bayesian", new JsonObject
        {
            ["param_space"] = new JsonObject
            {
                ["fast"] = new JsonObject { ["type"] = "int", ["low"] = 3, ["high"] = 9, ["step"] = 3 },
                ["slow"] = new JsonObject { ["type"] = "categorical", ["choices"] = new JsonArray(12, 24) },
            },
            ["n_trials"] = 6,
            ["random_state"] = 4,
        });

        var settings = run.GetProperty("settings");
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""{"fast":{"min":3,"max":9,"step":3},"slow":[12,24]}"""), JsonNode.Parse(settings.GetProperty("param_ranges").GetRawText())));
        Assert.Equal(4, settings.GetProperty("search").GetProperty("seed").GetInt32());
        Assert.Equal(6, (await TrialsAsync(client, id, run)).Count);
    }

    [Fact]
    public async Task ASearchOptimizationMayRangeBeyondTheGridsLimit()
    {
        var client = factory.CreateClient();
        var strategyId = await OptimizationRequests.CreateStrategyAsync(factory, OptimizationRequests.Unique("search-large"));
        var body = OptimizationRequests.Optimization(strategyId);
        body["optimization_type"] = "bayesian";
        body["param_ranges"] = new JsonObject
        {
            ["fast"] = new JsonObject { ["min"] = 2, ["max"] = 2_001 },
            ["slow"] = new JsonObject { ["min"] = 3, ["max"] = 2_002 },
        };

        var created = await OptimizationRequests.CreateAsync(client, body);

        Assert.Equal(4_000_000, created.GetProperty("total_combinations").GetInt32());
        body["optimization_type"] = "grid_search";
        using var grid = await client.PostAsJsonAsync("/api/v1/optimizations/", body);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, grid.StatusCode);
    }

    [Theory]
    [InlineData("""{"n_trials": 0}""", "n_trials")]
    [InlineData("""{"n_trials": 10001}""", "n_trials")]
    [InlineData("""{"method": "gp"}""", "method")]
    [InlineData("""{"seed": 1, "random_state": 2}""", "seed")]
    [InlineData("""{"n_trials": 5, "n_initial": 6}""", "n_initial")]
    [InlineData("""{"early_stopping": 0}""", "early_stopping")]
    [InlineData("""{"batch_size": 257}""", "batch_size")]
    [InlineData("""{"pbo_partitions": 7}""", "pbo_partitions")]
    [InlineData("""{"metric": "luck"}""", "metric")]
    [InlineData("""{"param_space": {"fast": {"type": "int", "low": 2.5, "high": 9}}}""", "param_space.fast")]
    [InlineData("""{"param_space": {"fast": {"type": "float", "low": 9, "high": 2}}}""", "param_space.fast")]
    [InlineData("""{"param_space": {"fast": {"type": "categorical", "choices": []}}}""", "param_space.fast")]
    [InlineData("""{"param_space": {"fast": {"type": "int", "low": 2, "high": 9, "log": true}}}""", "param_space.fast")]
    [InlineData("""{"param_space": {"fast": {"type": "uniform", "low": 2, "high": 9}}}""", "param_space.fast")]
    [InlineData("""{"param_space": {"fast": [40], "slow": [10]}}""", "param_space")]
    public async Task EveryRefusalNamesItsField(string body, string field)
    {
        var client = factory.CreateClient();
        var id = await OptimizationRequests.CreateIdAsync(factory, client, "search-refused");

        var (status, problem) = await OptimizationRequests.SendAsync(
            client.PostAsync($"/api/v1/optimizations/{id}/run/bayesian", new StringContent(body, System.Text.Encoding.UTF8, "application/json")));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal([field], OptimizationRequests.ErrorFields(problem));
        Assert.Equal(0, (await JsonAsync(client, $"/api/v1/optimizations/{id}/runs")).GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task ASearchWhileAnotherRunIsLiveIsAConflict()
    {
        var client = factory.CreateClient();
        var id = await OptimizationRequests.CreateIdAsync(factory, client, "search-conflict", body => body["param_ranges"] = WideSpace());
        using var first = await client.PostAsJsonAsync($"/api/v1/optimizations/{id}/bayesian", new JsonObject { ["n_trials"] = 400, ["batch_size"] = 1 });
        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);

        using var second = await client.PostAsJsonAsync($"/api/v1/optimizations/{id}/bayesian", new JsonObject());
        using var cancelled = await client.PostAsync($"/api/v1/optimizations/{id}/cancel", null);

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        var runId = JsonDocument.Parse(await first.Content.ReadAsStringAsync()).RootElement.GetProperty("run_id").GetInt64();
        var run = await Eventually.ReturnsAsync(
            () => JsonAsync(client, $"/api/v1/optimizations/{id}/runs/{runId}"), view => view.GetProperty("status").GetString() == "cancelled", Timeout, "the search to be cancelled");
        Assert.True(run.GetProperty("progress").GetProperty("done").GetInt32() < 400);
    }

    /// <summary>fast 2–40 × slow 10–200 step 2: 3,744 points, enough that no search here runs out.</summary>
    internal static JsonObject WideSpace() => new()
    {
        ["fast"] = new JsonObject { ["min"] = 2, ["max"] = 40 },
        ["slow"] = new JsonObject { ["min"] = 10, ["max"] = 200, ["step"] = 2 },
    };

    /// <summary>Starts a run at <paramref name="path"/> and returns its record once completed.</summary>
    internal static async Task<JsonElement> RunAsync(HttpClient client, long id, string path, JsonObject body)
    {
        using var response = await client.PostAsJsonAsync($"/api/v1/optimizations/{id}/{path}", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, text);
        var runId = JsonDocument.Parse(text).RootElement.GetProperty("run_id").GetInt64();
        var run = await Eventually.ReturnsAsync(
            () => JsonAsync(client, $"/api/v1/optimizations/{id}/runs/{runId}"),
            view => view.GetProperty("status").GetString() is "completed" or "failed" or "cancelled",
            Timeout,
            $"run {runId} to end");
        Assert.True(run.GetProperty("status").GetString() == "completed", run.ToString());
        return run;
    }

    internal static async Task<JsonElement> JsonAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    internal static async Task<List<JsonElement>> ResultsAsync(HttpClient client, long id, long run) =>
        [.. (await JsonAsync(client, $"/api/v1/optimizations/{id}/results?run={run}&sort=trial&order=asc&limit=1000")).EnumerateArray()];

    private static async Task<List<(int Trial, string Params, double? Score)>> TrialsAsync(HttpClient client, long id, JsonElement run) =>
        [.. (await ResultsAsync(client, id, run.GetProperty("id").GetInt64())).Select(result => (
            result.GetProperty("trial").GetInt32(),
            JsonNode.Parse(result.GetProperty("params").GetRawText())!.ToJsonString(),
            result.GetProperty("score").ValueKind == JsonValueKind.Null ? (double?)null : result.GetProperty("score").GetDouble()))];

    /// <summary>The first of the first <paramref name="count"/> trials with the best (highest) score.</summary>
    private static int FirstBest(IReadOnlyList<(int Trial, string Params, double? Score)> trials, int count)
    {
        var best = -1;
        for (var index = 0; index < count; index++)
        {
            if (trials[index].Score is { } score && (best < 0 || score > trials[best].Score))
            {
                best = index;
            }
        }
        return best;
    }
}
