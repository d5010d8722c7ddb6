using Microsoft.Kiota.Abstractions.Serialization;
using Platform.Client;
using Platform.Client.Optimizations.Models;
using Platform.Testing;

namespace Platform.EndToEnd.Tests;

[Collection(PlatformFixture.Collection)]
public sealed class AGridAndAMonteCarloRunOnTheStrategy(PlatformFixture platform)
{
    [Fact]
    public async Task TheGridFindsBestParametersAndMonteCarloStressesThem()
    {
        var optimizations = platform.Api.Optimizations.Api.V1.Optimizations;
        var strategyId = await platform.Api.CreateStrategyAsync("end-to-end grid");
        var optimization = await optimizations.PostAsync(new CreateOptimizationRequest
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
        });
        var id = optimization!.Id!.Value;

        var started = await optimizations[id].Grid.PostAsync(new GridRunRequest());
        var run = await Eventually.ReturnsAsync(
            () => optimizations[id].GetAsync(), view => GatewayCalls.Finished(view!.Status), GatewayCalls.JobTimeout, "the grid");
        var best = await optimizations[id].BestParams.GetAsync();
        var results = await optimizations[id].Results.GetAsync(request =>
        {
            request.QueryParameters.Sort = "score";
            request.QueryParameters.Limit = 100;
        });
        var monteCarlo = await optimizations[id].MonteCarlo.PostAsync(UntypedJson.Parse("""{"n_simulations": 1000, "seed": 11}"""));

        Assert.Equal(id, started!.OptimizationId);
        Assert.Equal("completed", run!.Status);
        Assert.Equal(9, optimization.TotalCombinations);
        Assert.Equal(9, run.Progress!.CombinationsDone);
        Assert.Equal(9, results!.Count);
        Assert.Equal(results[0].Id, best!.Id);
        Assert.Equal(results.Max(result => result.Score), best.Score);
        Assert.Equal(["fast", "slow"], UntypedJson.ToElement(best.Params!).EnumerateObject().Select(parameter => parameter.Name).Order());
        var stress = UntypedJson.ToElement((UntypedNode)monteCarlo!.AdditionalData["monte_carlo"]);
        Assert.Equal("best_result", UntypedJson.ToElement((UntypedNode)monteCarlo.AdditionalData["source"]).GetProperty("kind").GetString());
        Assert.Equal(1000, stress.GetProperty("n_simulations").GetInt32());
    }
}
