using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Platform.Optimizations.Tests.Grid;

namespace Platform.Optimizations.Tests.Limits;

public sealed class MonteCarloIsCappedBySimulationsTimesTrades(SmallMonteCarloFactory factory) : IClassFixture<SmallMonteCarloFactory>
{
    [Fact]
    public async Task MoreDrawsThanTheCapAre422NamingTheSimulationsAndTheTradeCount()
    {
        var (client, id, backtestId) = await SetUpAsync("monte-cap-over");

        var (status, problem) = await OptimizationRequests.SendAsync(client.PostAsJsonAsync(
            $"/api/v1/optimizations/{id}/monte-carlo", new JsonObject { ["backtest_id"] = backtestId, ["n_simulations"] = 334 }));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal(["n_simulations"], OptimizationRequests.ErrorFields(problem));
        Assert.Equal(
            "n_simulations 334 × 3 trades = 1002 draws, more than the 1000 one request may ask for; use at most 333 simulations for these trades.",
            problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task DrawsUpToTheCapRun()
    {
        var (client, id, backtestId) = await SetUpAsync("monte-cap-at");

        using var response = await client.PostAsJsonAsync(
            $"/api/v1/optimizations/{id}/monte-carlo", new JsonObject { ["backtest_id"] = backtestId, ["n_simulations"] = 333, ["seed"] = 7 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<(HttpClient Client, long Id, long BacktestId)> SetUpAsync(string name)
    {
        var client = factory.CreateClient();
        var strategyId = await OptimizationRequests.CreateStrategyAsync(factory, OptimizationRequests.Unique(name));
        var id = (await OptimizationRequests.CreateAsync(client, OptimizationRequests.Optimization(strategyId))).GetProperty("id").GetInt64();
        var backtests = factory.Backtests.CreateClient();
        var backtestId = await OptimizationRequests.QueuedBacktestAsync(backtests, strategyId);
        await OptimizationRequests.CompleteBacktestAsync(backtests, backtestId, new JsonObject
        {
            ["final_capital"] = 10_300,
            ["total_return"] = 0.03,
            ["total_trades"] = 3,
            ["winning_trades"] = 2,
            ["losing_trades"] = 1,
            ["win_rate"] = 2.0 / 3,
            ["sharpe_ratio"] = 1,
            ["max_drawdown"] = 0.01,
            ["results"] = new JsonObject
            {
                ["trades"] = new JsonArray(
                    new JsonObject { ["entry_time"] = "2024-01-02T00:00:00Z", ["side"] = "long", ["entry_price"] = 1, ["quantity"] = 1, ["pnl"] = 200 },
                    new JsonObject { ["entry_time"] = "2024-01-03T00:00:00Z", ["side"] = "long", ["entry_price"] = 1, ["quantity"] = 1, ["pnl"] = -100 },
                    new JsonObject { ["entry_time"] = "2024-01-04T00:00:00Z", ["side"] = "short", ["entry_price"] = 1, ["quantity"] = 1, ["pnl"] = 200 }),
            },
        });
        return (client, id, backtestId);
    }
}

/// <summary>An API-only optimizations service whose Monte Carlo requests may draw at most 1,000 trade returns.</summary>
public sealed class SmallMonteCarloFactory : OptimizationsFactory
{
    protected override void Configure()
    {
        Set("Optimizations:Grid:Concurrency", "0");
        Set("Optimizations:Limits:MaxMonteCarloCells", "1000");
    }
}
