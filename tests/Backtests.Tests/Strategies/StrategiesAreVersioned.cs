using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Backtests.Tests.Backtests;

namespace Platform.Backtests.Tests.Strategies;

/// <summary>
/// Every change of a strategy's type or configuration is a version kept whole, and a backtest runs the version its
/// strategy had when the backtest was created, whatever changes afterwards.
/// </summary>
public sealed class StrategiesAreVersioned(ApiOnlyBacktestsFactory factory) : IClassFixture<ApiOnlyBacktestsFactory>, IDisposable
{
    private readonly CancellationTokenSource timeout = new(TimeSpan.FromSeconds(30));

    [Fact]
    public async Task EachConfigurationChangeIsANewVersionAndNameChangesAreNot()
    {
        var client = factory.CreateClient();
        var created = await StrategyRequests.CreateAsync(client, StrategyRequests.UniqueName("versions"), "sma_crossover", new { fast = 5, slow = 20 }, timeout.Token);
        var id = created.GetProperty("id").GetInt64();

        using var renamed = await StrategyRequests.PutJsonAsync(client, id, $$"""{"name": "{{StrategyRequests.UniqueName("renamed")}}"}""", timeout.Token);
        using var changed = await StrategyRequests.PutJsonAsync(client, id, """{"config": {"fast": 8}}""", timeout.Token);
        var versions = await client.GetFromJsonAsync<JsonElement>($"{StrategyRequests.Path}/{id}/versions", timeout.Token);
        var first = await client.GetFromJsonAsync<JsonElement>($"{StrategyRequests.Path}/{id}/versions/1", timeout.Token);
        using var missing = await client.GetAsync($"{StrategyRequests.Path}/{id}/versions/3", timeout.Token);
        using var noStrategy = await client.GetAsync($"{StrategyRequests.Path}/999999999/versions", timeout.Token);

        Assert.Equal(1, created.GetProperty("version").GetInt32());
        Assert.Equal(1, (await StrategyRequests.ReadAsync(renamed, timeout.Token)).GetProperty("version").GetInt32());
        Assert.Equal(2, (await StrategyRequests.ReadAsync(changed, timeout.Token)).GetProperty("version").GetInt32());
        Assert.Equal([1, 2], versions.EnumerateArray().Select(v => v.GetProperty("version").GetInt32()));
        Assert.Equal(8, versions[1].GetProperty("config").GetProperty("fast").GetInt32());
        Assert.Equal(5, first.GetProperty("config").GetProperty("fast").GetInt32());
        Assert.Equal("sma_crossover", first.GetProperty("strategy_type").GetString());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, noStrategy.StatusCode);
    }

    [Fact]
    public async Task ABacktestRunsTheVersionItWasCreatedWith()
    {
        var client = factory.CreateClient();
        var document = JsonNode.Parse("""
            {"parameters": {"n": 10}, "indicators": {"avg": {"type": "sma", "period": "$n"}},
             "rules": {"enter_long": {"left": "close", "op": "crosses_above", "right": "avg"}}}
            """)!;
        var strategy = await StrategyRequests.CreateAsync(client, StrategyRequests.UniqueName("pinned"), "rules", document, timeout.Token);
        var strategyId = strategy.GetProperty("id").GetInt64();
        var backtest = await BacktestRequests.CreateAsync(client, BacktestRequests.Backtest(strategyId));

        document["indicators"]!["avg"]!["type"] = "ema";
        using var changed = await StrategyRequests.PutJsonAsync(
            client, strategyId, new JsonObject { ["config"] = document.DeepClone() }.ToJsonString(), timeout.Token);
        var later = await BacktestRequests.CreateAsync(client, BacktestRequests.Backtest(strategyId));
        var run = await ClaimAsync(client, backtest.GetProperty("id").GetInt64());
        var laterRun = await ClaimAsync(client, later.GetProperty("id").GetInt64());

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(1, backtest.GetProperty("strategy_version").GetInt32());
        Assert.Equal(2, later.GetProperty("strategy_version").GetInt32());
        Assert.Equal("sma", run.GetProperty("document").GetProperty("indicators").GetProperty("avg").GetProperty("type").GetString());
        Assert.Equal("ema", laterRun.GetProperty("document").GetProperty("indicators").GetProperty("avg").GetProperty("type").GetString());
    }

    private async Task<JsonElement> ClaimAsync(HttpClient client, long id)
    {
        using var response = await client.PostAsJsonAsync($"/api/v1/backtests/{id}/claim", new JsonObject { ["worker_id"] = "versions" }, timeout.Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await StrategyRequests.ReadAsync(response, timeout.Token)).GetProperty("run");
    }

    public void Dispose() => timeout.Dispose();
}
