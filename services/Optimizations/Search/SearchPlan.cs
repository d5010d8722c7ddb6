using System.Text.Json.Nodes;
using Platform.Optimizations.Objectives;

namespace Platform.Optimizations.Search;

/// <summary>
/// The next batch of a search, from its settings and the trials so far (in trial order): a pure function of them, so a
/// batch proposed again after a crash, on any replica, is the same batch. Points the engine refuses (a fast average not
/// faster than the slow one) are never proposed.
/// </summary>
internal sealed class SearchPlan
{
    private readonly ParameterSpace _space;
    private readonly RunSpec _spec;
    private readonly string[] _names;

    private SearchPlan(ParameterSpace space, RunSpec spec, SearchSettings settings)
    {
        _space = space;
        _spec = spec;
        _names = [.. space.Axes.Keys];
        Settings = settings;
        Space = new SearchSpace([.. space.Axes.Values.Select(values => values.Count)]);
    }

    public SearchSettings Settings { get; }

    public SearchSpace Space { get; }

    public static SearchPlan Create(ParameterSpace space, RunSpec spec, SearchSettings settings) => new(space, spec, settings);

    public SearchStep Next(IReadOnlyList<StoredTrial> history)
    {
        if (history.Count >= Settings.Trials)
        {
            return SearchStep.Stop(SearchStop.TrialsDone);
        }
        var maximize = _spec.Maximize;
        var trials = history
            .Select(trial => (Point: PointOf(trial.Params), trial.Score))
            .Where(trial => trial.Point is not null)
            .Select(trial => new Trial(trial.Point!, maximize ? trial.Score : -trial.Score))
            .ToList();
        if (Settings.Patience is { } patience && SinceBest(trials) >= patience)
        {
            return SearchStep.Stop(SearchStop.NoImprovement);
        }
        var count = Math.Min(Settings.BatchSize, Settings.Trials - history.Count);
        var proposals = Settings.Sampler(Space, history.Count).Propose(trials, count, point => Combination(point) is not null);
        if (proposals.Count == 0)
        {
            return SearchStep.Stop(SearchStop.SpaceExhausted);
        }
        return new SearchStep([.. proposals.Select((point, index) => new ProposedTrial(history.Count + index, Combination(point)!.ToJsonString()))], null);
    }

    /// <summary>Trials since the first one with the best score: early stopping's count. Unscored trials never improve.</summary>
    private static int SinceBest(IReadOnlyList<Trial> trials)
    {
        var best = -1;
        for (var index = 0; index < trials.Count; index++)
        {
            if (trials[index].Score is { } score && (best < 0 || score > trials[best].Score))
            {
                best = index;
            }
        }
        return trials.Count - 1 - best;
    }

    /// <summary>The indices of a stored trial's parameters on each axis; null when a value is not on its axis.</summary>
    private int[]? PointOf(string parameters)
    {
        var values = JsonNode.Parse(parameters)!.AsObject();
        var point = new int[_names.Length];
        for (var axis = 0; axis < _names.Length; axis++)
        {
            if (!ParameterSpace.TryNumber(values[_names[axis]], out var number))
            {
                return null;
            }
            var axisValues = _space.Axes[_names[axis]];
            var index = -1;
            for (var i = 0; i < axisValues.Count && index < 0; i++)
            {
                index = Math.Abs(axisValues[i] - number) <= 1e-9 * Math.Max(1, Math.Abs(number)) ? i : -1;
            }
            if (index < 0)
            {
                return null;
            }
            point[axis] = index;
        }
        return point;
    }

    private JsonObject? Combination(int[] point) =>
        _space.Combination(_spec.StrategyType, _spec.StrategyDefaults, point) is { } combination ? RunSpec.Parameters(combination) : null;
}

/// <summary>A trial as <c>optimization_results</c> keeps it: its number in the run, its parameters and its score.</summary>
internal sealed record StoredTrial(int Trial, string Params, double? Score);

/// <summary>A trial to evaluate: its number in the run and its parameters, as a result row will keep them.</summary>
internal sealed record ProposedTrial(int Trial, string Params);

/// <summary>The trials of the next batch, or why the search ends.</summary>
internal sealed record SearchStep(IReadOnlyList<ProposedTrial> Trials, string? StopReason)
{
    public static SearchStep Stop(string reason) => new([], reason);
}

/// <summary>Why a search ended, as its result document says.</summary>
internal static class SearchStop
{
    public const string TrialsDone = "n_trials";
    public const string NoImprovement = "early_stopping";
    public const string SpaceExhausted = "space_exhausted";
}
