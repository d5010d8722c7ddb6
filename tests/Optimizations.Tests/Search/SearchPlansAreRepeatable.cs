using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Optimizations.Objectives;
using Platform.Optimizations.Search;

namespace Platform.Optimizations.Tests.Search;

/// <summary>
/// A search's next batch (<see cref="SearchPlan"/>) is a function of its settings and the trials so far: any replica, or
/// the same one after a crash, proposes the same batch. Refused points are never proposed, and the search stops for the
/// reason it gives.
/// </summary>
public sealed class SearchPlansAreRepeatable
{
    private static readonly RunSpec Maximize = new("sma_crossover", new JsonObject { ["fast"] = 5, ["slow"] = 20 }, "total_return", true, null, null);

    [Fact]
    public void TheSameTrialsSoFarGiveTheSameBatch()
    {
        var settings = Settings(trials: 60, batch: 8);
        var history = new List<StoredTrial>();

        while (Plan(settings).Next(history) is { StopReason: null } step)
        {
            Assert.Equal(step.Trials, Plan(settings).Next(history).Trials);
            history.AddRange(step.Trials.Select(trial => new StoredTrial(trial.Trial, trial.Params, Score(trial.Params))));
        }

        Assert.Equal(60, history.Count);
        Assert.Equal(Enumerable.Range(0, 60), history.Select(trial => trial.Trial));
        Assert.Equal(60, history.Select(trial => trial.Params).Distinct().Count());
        Assert.All(history, trial => Assert.True(Value(trial.Params, "fast") < Value(trial.Params, "slow"), trial.Params));
        Assert.Equal(SearchStop.TrialsDone, Plan(settings).Next(history).StopReason);
        Assert.NotEqual(Plan(settings).Next([]).Trials, Plan(settings with { Seed = 8 }).Next([]).Trials);
    }

    [Fact]
    public void TheLastBatchIsCutToTheTrialsLeft()
    {
        var settings = Settings(trials: 10, batch: 8);
        var first = Plan(settings).Next([]);
        var history = first.Trials.Select(trial => new StoredTrial(trial.Trial, trial.Params, 0.0)).ToList();

        var second = Plan(settings).Next(history);

        Assert.Equal(8, first.Trials.Count);
        Assert.Equal([8, 9], second.Trials.Select(trial => trial.Trial));
    }

    [Theory]
    [InlineData(true, null)]
    [InlineData(false, SearchStop.NoImprovement)]
    public void EarlyStoppingCountsTrialsSinceTheBestInTheObjectivesDirection(bool maximize, string? reason)
    {
        // Scores 5, 4, 6, 7, 8: maximized, the last is the best; minimized, the second is, three trials ago.
        var settings = Settings(trials: 100, batch: 1) with { Patience = 3 };
        double[] scores = [5, 4, 6, 7, 8];
        var history = scores.Select((score, index) => new StoredTrial(index, $$"""{"fast":{{index + 2}},"slow":50}""", score)).ToList();

        var step = SearchPlan.Create(Space(), Maximize with { Maximize = maximize }, settings).Next(history);

        Assert.Equal(reason, step.StopReason);
        Assert.Equal(reason is null ? 1 : 0, step.Trials.Count);
    }

    [Fact]
    public void ASpaceWithoutAnAcceptedPointProposesNothing()
    {
        var errors = new Dictionary<string, string[]>();
        var refused = ParameterSpace.Parse(JsonDocument.Parse("""{"fast": [40, 50], "slow": [10, 20]}""").RootElement, "param_space", 100, 1_000, errors)!;

        var step = SearchPlan.Create(refused, Maximize, Settings(trials: 10, batch: 4)).Next([]);

        Assert.Empty(step.Trials);
        Assert.Equal(SearchStop.SpaceExhausted, step.StopReason);
    }

    private static SearchSettings Settings(int trials, int batch) => new(SearchSettings.TreeParzen, trials, Seed: 7, InitialTrials: 10, Patience: null, batch, 16);

    private static SearchPlan Plan(SearchSettings settings) => SearchPlan.Create(Space(), Maximize, settings);

    private static ParameterSpace Space()
    {
        var errors = new Dictionary<string, string[]>();
        return ParameterSpace.Parse(
            JsonDocument.Parse("""{"fast": {"min": 2, "max": 40}, "slow": {"min": 10, "max": 200, "step": 2}}""").RootElement, "param_space", 1_000, 1_000_000, errors)!;
    }

    private static double Value(string parameters, string name) => JsonNode.Parse(parameters)![name]!.GetValue<double>();

    /// <summary>A smooth score with its peak at fast 12, slow 80.</summary>
    private static double Score(string parameters) =>
        -Math.Pow(Value(parameters, "fast") - 12, 2) - Math.Pow((Value(parameters, "slow") - 80) / 5, 2);
}
