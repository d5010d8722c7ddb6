using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Platform.Backtests.Tests.Backtests;

public sealed class WorkersClaimAndSubmitOverHttp(ApiOnlyBacktestsFactory factory) : IClassFixture<ApiOnlyBacktestsFactory>
{
    [Fact]
    public async Task AClaimCarriesTheBacktestAndItsClaimTime()
    {
        var client = factory.CreateClient();
        var id = await QueuedAsync(client, "claim-once");

        var before = DateTimeOffset.UtcNow;
        using var response = await client.PostAsJsonAsync($"/api/v1/backtests/{id}/claim", new JsonObject { ["worker_id"] = "worker-a" });
        var after = DateTimeOffset.UtcNow;
        var claim = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("claimed", claim.GetProperty("status").GetString());
        Assert.Equal("running", claim.GetProperty("backtest").GetProperty("status").GetString());
        Assert.Equal("worker-a", claim.GetProperty("backtest").GetProperty("claimed_by").GetString());
        var claimedAt = claim.GetProperty("claimed_at").GetDateTimeOffset();
        Assert.Equal(claimedAt, claim.GetProperty("backtest").GetProperty("claimed_at").GetDateTimeOffset());
        // The database's clock stamps the claim; it runs on this machine, so only rounding separates it from ours.
        Assert.InRange(claimedAt, before.AddMilliseconds(-5), after.AddMilliseconds(5));
    }

    [Fact]
    public async Task AClaimCarriesTheRuleDocumentItsParametersAndTheSettingsToRun()
    {
        var client = factory.CreateClient();
        using var created = await client.PostAsJsonAsync("/api/v1/strategies/", new JsonObject
        {
            ["name"] = $"claim-rules-{Guid.NewGuid():N}",
            ["strategy_type"] = "rules",
            ["config"] = JsonNode.Parse("""
                {"parameters": {"n": 10}, "indicators": {"avg": {"type": "ema", "period": "$n"}},
                 "rules": {"enter_short": {"left": "close", "op": "crosses_below", "right": "avg"}},
                 "risk": {"trailing_stop": {"atr": 2.5}}, "sizing": {"risk_pct": 1}}
                """),
        });
        var strategyId = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64();
        var backtest = BacktestRequests.Backtest(strategyId);
        backtest["config"] = new JsonObject { ["n"] = 12, ["slippage_bps"] = 2 };
        var id = (await BacktestRequests.CreateAsync(client, backtest)).GetProperty("id").GetInt64();

        using var response = await client.PostAsJsonAsync($"/api/v1/backtests/{id}/claim", new JsonObject { ["worker_id"] = "worker-rules" });
        var run = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("run");

        Assert.Equal("rules", run.GetProperty("strategy_type").GetString());
        Assert.Equal("$n", run.GetProperty("document").GetProperty("indicators").GetProperty("avg").GetProperty("period").GetString());
        Assert.Equal(12, run.GetProperty("parameters").GetProperty("n").GetDouble());
        var settings = run.GetProperty("settings");
        Assert.Equal("short", settings.GetProperty("direction").GetString());
        Assert.Equal(2, settings.GetProperty("slippage_bps").GetDouble());
        Assert.Equal("risk_percent", settings.GetProperty("sizing").GetProperty("mode").GetString());
        Assert.Equal(1, settings.GetProperty("sizing").GetProperty("value").GetDouble());
        Assert.Equal(2.5, settings.GetProperty("trailing_stop").GetProperty("atr").GetDouble());
        Assert.Equal(14, settings.GetProperty("trailing_stop").GetProperty("period").GetInt32());
        Assert.Equal(JsonValueKind.Null, settings.GetProperty("stop_loss").ValueKind);
    }

    [Fact]
    public async Task AStaleClaimMayBeTakenOverAndALiveOneMayNot()
    {
        var client = factory.CreateClient();
        var id = await QueuedAsync(client, "claim-stale");
        await client.PostAsJsonAsync($"/api/v1/backtests/{id}/claim", new JsonObject { ["worker_id"] = "worker-gone" });

        using var live = await client.PostAsJsonAsync($"/api/v1/backtests/{id}/claim", new JsonObject { ["worker_id"] = "worker-next" });
        await using (var connection = new Npgsql.NpgsqlConnection(factory.DatabaseConnectionString))
        {
            await Dapper.SqlMapper.ExecuteAsync(
                connection, "UPDATE backtests SET claimed_at = now() - interval '1 hour', heartbeat_at = now() - interval '1 hour', lease_until = now() - interval '1 second' WHERE id = @Id", new { Id = id });
        }
        using var stale = await client.PostAsJsonAsync($"/api/v1/backtests/{id}/claim", new JsonObject { ["worker_id"] = "worker-next" });
        var claim = JsonDocument.Parse(await stale.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.Conflict, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Equal("worker-next", claim.GetProperty("worker_id").GetString());
        Assert.Equal(2, claim.GetProperty("backtest").GetProperty("attempts").GetInt32());
    }

    [Fact]
    public async Task FiftyConcurrentClaimsHaveExactlyOneWinner()
    {
        var client = factory.CreateClient();
        var id = await QueuedAsync(client, "claim-race");

        var answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(async worker =>
        {
            using var response = await client.PostAsJsonAsync($"/api/v1/backtests/{id}/claim", new JsonObject { ["worker_id"] = $"worker-{worker}" });
            return response.StatusCode;
        }));

        Assert.Equal(1, answers.Count(status => status == HttpStatusCode.OK));
        Assert.Equal(49, answers.Count(status => status == HttpStatusCode.Conflict));
    }

    [Fact]
    public async Task ValidResultsCompleteTheRunWithItsTrades()
    {
        var client = factory.CreateClient();
        var id = await QueuedAsync(client, "submit-valid");
        await client.PostAsJsonAsync($"/api/v1/backtests/{id}/claim", new JsonObject { ["worker_id"] = "worker-b" });

        using var response = await client.PostAsJsonAsync($"/api/v1/backtests/{id}/results", Results(trades: 2));
        var completed = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        using var again = await client.PostAsJsonAsync($"/api/v1/backtests/{id}/results", Results(trades: 2));
        var trades = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/backtests/{id}/trades?side=sell")).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("completed", completed.GetProperty("status").GetString());
        Assert.Equal(10_500, completed.GetProperty("final_capital").GetDouble());
        Assert.Equal(0.05, completed.GetProperty("total_return").GetDouble());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(1, trades.GetArrayLength());
        Assert.Equal(-100, trades[0].GetProperty("pnl").GetDouble());
    }

    [Theory]
    [InlineData("win_rate", 0.9, "win_rate")]
    [InlineData("total_return", 0.5, "total_return")]
    [InlineData("winning_trades", 3, "total_trades,win_rate")]
    [InlineData("max_drawdown", 2, "max_drawdown")]
    [InlineData("final_capital", -1, "final_capital")]
    public async Task InconsistentMetricsAre422NamingTheField(string field, double value, string named)
    {
        var client = factory.CreateClient();
        var id = await QueuedAsync(client, $"submit-{field}");
        await client.PostAsJsonAsync($"/api/v1/backtests/{id}/claim", new JsonObject { ["worker_id"] = "worker-c" });
        var body = Results(trades: 2);
        body[field] = value;

        using var response = await client.PostAsJsonAsync($"/api/v1/backtests/{id}/results", body);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(named.Split(','), BacktestRequests.ErrorFields(problem));
    }

    [Fact]
    public async Task ResultsWithoutMetricsAre422()
    {
        var client = factory.CreateClient();
        var id = await QueuedAsync(client, "submit-empty");

        var (status, problem) = await BacktestRequests.ProblemAsync(client.PostAsJsonAsync($"/api/v1/backtests/{id}/results", new JsonObject { ["results"] = new JsonObject() }));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal(
            ["final_capital", "losing_trades", "max_drawdown", "sharpe_ratio", "total_return", "total_trades", "win_rate", "winning_trades"],
            BacktestRequests.ErrorFields(problem));
    }

    [Fact]
    public async Task ResultsForARunThatIsNotRunningAreAConflict()
    {
        var client = factory.CreateClient();
        var id = await QueuedAsync(client, "submit-queued");

        using var response = await client.PostAsJsonAsync($"/api/v1/backtests/{id}/results", Results(trades: 2));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task UnknownBacktestsAreNotFound()
    {
        var client = factory.CreateClient();

        using var claim = await client.PostAsJsonAsync("/api/v1/backtests/999999/claim", new JsonObject());
        using var get = await client.GetAsync("/api/v1/backtests/999999");
        using var trades = await client.GetAsync("/api/v1/backtests/999999/trades");
        using var invalid = await client.GetAsync("/api/v1/backtests/abc");

        Assert.Equal(HttpStatusCode.NotFound, claim.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, trades.StatusCode);
        Assert.Equal("application/problem+json", get.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, invalid.StatusCode);
    }

    private static async Task<long> QueuedAsync(HttpClient client, string strategyName)
    {
        var strategyId = await BacktestRequests.CreateStrategyAsync(client, strategyName);
        return (await BacktestRequests.CreateAsync(client, BacktestRequests.Backtest(strategyId))).GetProperty("id").GetInt64();
    }

    internal static JsonObject Results(int trades) => new()
    {
        ["final_capital"] = 10_500,
        ["total_return"] = 0.05,
        ["total_trades"] = trades,
        ["winning_trades"] = 1,
        ["losing_trades"] = 1,
        ["win_rate"] = 0.5,
        ["sharpe_ratio"] = 1.2,
        ["max_drawdown"] = 0.02,
        ["results"] = new JsonObject
        {
            ["trades"] = new JsonArray(
                new JsonObject { ["entry_time"] = "2024-01-01T05:00:00Z", ["exit_time"] = "2024-01-01T09:00:00Z", ["side"] = "long", ["entry_price"] = 100, ["exit_price"] = 106, ["quantity"] = 100, ["pnl"] = 600 },
                new JsonObject { ["entry_time"] = "2024-01-02T05:00:00Z", ["exit_time"] = "2024-01-02T09:00:00Z", ["side"] = "short", ["entry_price"] = 100, ["exit_price"] = 101, ["qty"] = 100, ["pnl"] = -100 }),
            ["equity_curve"] = new JsonArray(
                new JsonObject { ["timestamp"] = "2024-01-01T00:00:00Z", ["equity"] = 10_000 },
                new JsonObject { ["timestamp"] = "2024-01-02T00:00:00Z", ["equity"] = 10_500 }),
        },
    };
}

/// <summary>A backtests replica without workers, so that runs stay queued for the HTTP worker protocol.</summary>
public sealed class ApiOnlyBacktestsFactory : BacktestsFactory
{
    public ApiOnlyBacktestsFactory() => Set("Backtests:Queue:Concurrency", "0");
}
