using System.Text.Json.Nodes;
using Platform.Optimizations.Overfitting;

namespace Platform.Optimizations.Search;

/// <summary>
/// How a search runs, kept in its run's settings (<c>settings.search</c>) so that every batch after the first is proposed
/// the same way, by whichever replica finishes the batch before it.
/// </summary>
/// <param name="Method"><see cref="TreeParzen"/> (the model-based search) or <see cref="Random"/> (the baseline).</param>
/// <param name="Trials">How many trials to evaluate at most (<c>n_trials</c>).</param>
/// <param name="Seed">The seed: the same seed, space and objective give the same trials.</param>
/// <param name="InitialTrials">Random trials before the model takes over (<c>n_initial</c>).</param>
/// <param name="Patience">Early stopping: end after this many trials in a row without a better score; null never.</param>
/// <param name="BatchSize">Trials proposed at once and spread over every replica's workers.</param>
/// <param name="Partitions">S of the overfitting odds computed when the run completes.</param>
internal sealed record SearchSettings(string Method, int Trials, int Seed, int InitialTrials, int? Patience, int BatchSize, int Partitions)
{
    public const string TreeParzen = "tpe";
    public const string Random = "random";
    public const int DefaultTrials = 100;
    public const int MaxTrials = 10_000;
    public const int DefaultInitialTrials = 10;
    public const int DefaultBatchSize = 8;
    public const int MaxBatchSize = 256;

    /// <summary>The largest space a search may range over (a grid stops at <c>Optimizations:Grid:MaxCombinations</c>).</summary>
    public const long MaxSpace = 1_000_000_000_000;

    /// <summary>The method's name in a run's result document.</summary>
    public string MethodName => Method == Random ? "random_search" : "bayesian";

    public ISearchSampler Sampler(SearchSpace space, int trialsSoFar)
    {
        // A seed per batch, from the run's seed and the trials before it: a batch proposed again after a crash is the same batch.
        var seed = unchecked((int)((uint)Seed * 2_654_435_761u) ^ trialsSoFar);
        return Method == Random ? new RandomSampler(space, seed) : new TreeParzenSampler(space, seed, InitialTrials);
    }

    public JsonObject ToJson() => new()
    {
        ["method"] = Method,
        ["n_trials"] = Trials,
        ["seed"] = Seed,
        ["n_initial"] = InitialTrials,
        ["early_stopping"] = Patience,
        ["batch_size"] = BatchSize,
        ["pbo_partitions"] = Partitions,
    };

    public static SearchSettings FromJson(JsonNode json) => new(
        json["method"]!.GetValue<string>(),
        json["n_trials"]!.GetValue<int>(),
        json["seed"]!.GetValue<int>(),
        json["n_initial"]!.GetValue<int>(),
        json["early_stopping"]?.GetValue<int>(),
        json["batch_size"]!.GetValue<int>(),
        json["pbo_partitions"]?.GetValue<int>() ?? BacktestOverfitting.DefaultPartitions);

    /// <summary>The settings of a request, defaults filled in, or null with errors keyed by field.</summary>
    public static SearchSettings? From(SearchRunRequest request, Dictionary<string, string[]> errors)
    {
        var method = request.Method ?? TreeParzen;
        if (method is not (TreeParzen or Random))
        {
            errors["method"] = [$"method must be {TreeParzen} (a tree-structured Parzen estimator) or {Random}."];
        }
        var trials = request.NTrials ?? DefaultTrials;
        if (trials is < 1 or > MaxTrials)
        {
            errors["n_trials"] = [$"n_trials must be between 1 and {MaxTrials}."];
        }
        if (request.Seed is { } seed && request.RandomState is { } state && seed != state)
        {
            errors["seed"] = ["seed and random_state name the same seed; give one, or the same value."];
        }
        var initial = request.NInitial ?? Math.Min(DefaultInitialTrials, Math.Max(1, trials));
        if (initial < 1 || initial > Math.Max(1, trials))
        {
            errors["n_initial"] = ["n_initial must be at least 1 and at most n_trials."];
        }
        if (request.EarlyStopping is < 1)
        {
            errors["early_stopping"] = ["early_stopping must be at least 1 trial (or absent for none)."];
        }
        var batch = request.BatchSize ?? DefaultBatchSize;
        if (batch is < 1 or > MaxBatchSize)
        {
            errors["batch_size"] = [$"batch_size must be between 1 and {MaxBatchSize}."];
        }
        var partitions = RunOverfitting.CheckPartitions(request.PboPartitions, errors);
        return errors.Count > 0
            ? null
            : new SearchSettings(method, trials, request.Seed ?? request.RandomState ?? System.Random.Shared.Next(), initial, request.EarlyStopping, batch, partitions);
    }
}
