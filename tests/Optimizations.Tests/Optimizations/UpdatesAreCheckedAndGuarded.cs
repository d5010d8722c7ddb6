using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Optimizations.Tests.Grid;

namespace Platform.Optimizations.Tests.Optimizations;

public sealed class UpdatesAreCheckedAndGuarded(ApiOnlyOptimizationsFactory factory) : IClassFixture<ApiOnlyOptimizationsFactory>
{
    [Theory]
    [InlineData("""{"status": "paused"}""", "status")]
    [InlineData("""{"metric": "luck"}""", "metric")]
    [InlineData("""{"config": [1, 2]}""", "config")]
    [InlineData("""{"param_ranges": "fast"}""", "param_ranges")]
    [InlineData("""{"param_ranges": {"fast": [3], "fast": [4]}}""", "param_ranges")]
    [InlineData("""{"status": "paused", "metric": "luck"}""", "metric,status")]
    [InlineData("""{"config": {"leverage": "high"}}""", "config.leverage")]
    [InlineData("""{"config": {"commission": true}}""", "config.commission")]
    [InlineData("""{"config": {"leverage": 1e400}}""", "config.leverage")]
    [InlineData("""{"config": {"direction": "sideways"}}""", "config.direction")]
    [InlineData("""{"param_ranges": {"fast": [50], "slow": [10]}}""", "param_ranges,param_ranges.slow")]
    [InlineData("""{"param_ranges": {}}""", "param_ranges")]
    public async Task AnInvalidUpdateIs422NamingTheField(string body, string fields)
    {
        var client = factory.CreateClient();
        var id = await OptimizationRequests.CreateIdAsync(factory, client, "update-invalid");

        var (status, problem) = await PutAsync(client, id, body);
        var stored = await OptimizationRequests.GetAsync(client, id);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal(fields.Split(','), OptimizationRequests.ErrorFields(problem));
        Assert.Equal(9, stored.GetProperty("total_combinations").GetInt32());
        Assert.Equal("total_return", stored.GetProperty("metric").GetString());
    }

    [Fact]
    public async Task UpdatingAnUnknownOptimizationIs404UnlessTheBodyIsInvalid()
    {
        var client = factory.CreateClient();

        var (missing, problem) = await PutAsync(client, 987_654, """{"status": "cancelled"}""");
        var (missingWithRanges, _) = await PutAsync(client, 987_654, """{"param_ranges": {"fast": [3]}}""");
        var (invalid, invalidProblem) = await PutAsync(client, 987_654, """{"status": "paused"}""");

        Assert.Equal(HttpStatusCode.NotFound, missing);
        Assert.Equal("Optimization not found", problem.GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.NotFound, missingWithRanges);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, invalid);
        Assert.Equal(["status"], OptimizationRequests.ErrorFields(invalidProblem));
    }

    [Fact]
    public async Task ANewConfigRecountsTheStoredRangesAndNewRangesKeepTheStoredConfig()
    {
        var client = factory.CreateClient();
        var id = await OptimizationRequests.CreateIdAsync(
            factory, client, "update-config", body => body["config"] = new JsonObject { ["direction"] = "both", ["leverage"] = 2 });

        var (configured, withConfig) = await PutAsync(client, id, """{"config": {"direction": "short", "leverage": 3, "commission": 0.001}}""");
        var (ranged, withRanges) = await PutAsync(client, id, """{"param_ranges": {"fast": [4, 6], "slow": [10]}}""");
        var (renamed, withMetric) = await PutAsync(client, id, """{"metric": "sharpe_ratio", "config": null}""");

        Assert.Equal(HttpStatusCode.OK, configured);
        Assert.Equal(9, withConfig.GetProperty("total_combinations").GetInt32());
        Assert.Equal("short", withConfig.GetProperty("config").GetProperty("direction").GetString());
        Assert.Equal(HttpStatusCode.OK, ranged);
        Assert.Equal(2, withRanges.GetProperty("total_combinations").GetInt32());
        Assert.Equal(3, withRanges.GetProperty("config").GetProperty("leverage").GetInt32());
        Assert.Equal(HttpStatusCode.OK, renamed);
        Assert.Equal("sharpe_ratio", withMetric.GetProperty("metric").GetString());
        Assert.Equal(2, withMetric.GetProperty("total_combinations").GetInt32());
        Assert.Equal("short", withMetric.GetProperty("config").GetProperty("direction").GetString());
    }

    [Fact]
    public async Task SettingsCannotChangeWhileARunIsQueuedButTheRunCanBeCancelledAndRequeued()
    {
        var client = factory.CreateClient();
        var id = await OptimizationRequests.CreateIdAsync(factory, client, "update-active");
        using var started = await client.PostAsJsonAsync($"/api/v1/optimizations/{id}/grid", new JsonObject());

        var (newMetric, metricProblem) = await PutAsync(client, id, """{"metric": "win_rate"}""");
        var (newRanges, _) = await PutAsync(client, id, """{"param_ranges": {"fast": [4], "slow": [10]}}""");
        var (toRunning, runningProblem) = await PutAsync(client, id, """{"status": "running"}""");
        var (stillQueued, _) = await PutAsync(client, id, """{"status": "queued"}""");
        var (toCancelled, cancelled) = await PutAsync(client, id, """{"status": "cancelled"}""");
        var (toRunningAfterCancel, _) = await PutAsync(client, id, """{"status": "running"}""");
        var (metricWhileCancelled, renamed) = await PutAsync(client, id, """{"metric": "win_rate"}""");
        var (requeued, queued) = await PutAsync(client, id, """{"status": "queued"}""");
        var (queuedWithMetric, queuedProblem) = await PutAsync(client, id, """{"status": "queued", "metric": "sharpe_ratio"}""");

        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, newMetric);
        Assert.Equal("A queued optimization cannot change its settings.", metricProblem.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Conflict, newRanges);
        Assert.Equal(HttpStatusCode.Conflict, toRunning);
        Assert.Equal("A queued optimization cannot become running.", runningProblem.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.OK, stillQueued);
        Assert.Equal(HttpStatusCode.OK, toCancelled);
        Assert.Equal("cancelled", cancelled.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, toRunningAfterCancel);
        Assert.Equal(HttpStatusCode.OK, metricWhileCancelled);
        Assert.Equal("win_rate", renamed.GetProperty("metric").GetString());
        Assert.Equal(HttpStatusCode.OK, requeued);
        Assert.Equal("queued", queued.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, queuedWithMetric);
        Assert.Equal("A queued optimization cannot change its settings.", queuedProblem.GetProperty("detail").GetString());
    }

    private static Task<(HttpStatusCode Status, JsonElement Body)> PutAsync(HttpClient client, long id, string json) =>
        OptimizationRequests.SendAsync(client.PutAsync($"/api/v1/optimizations/{id}", new StringContent(json, System.Text.Encoding.UTF8, "application/json")));
}
