namespace Platform.Optimizations.Search;

/// <summary>Random search: every untried point equally likely. The baseline a model-based search has to beat.</summary>
internal sealed class RandomSampler(SearchSpace space, int seed) : ISearchSampler
{
    private readonly Random _random = new(seed);

    public IReadOnlyList<int[]> Propose(IReadOnlyList<Trial> history, int count)
    {
        var taken = history.Select(trial => space.Number(trial.Point)).ToHashSet();
        var proposals = new List<int[]>();
        while (proposals.Count < count && space.RandomUntried(_random, taken) is { } point)
        {
            taken.Add(space.Number(point));
            proposals.Add(point);
        }
        return proposals;
    }
}
