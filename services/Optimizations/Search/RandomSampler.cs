namespace Platform.Optimizations.Search;

/// <summary>Random search: every untried point equally likely. The baseline a model-based search has to beat.</summary>
internal sealed class RandomSampler(SearchSpace space, int seed) : ISearchSampler
{
    private readonly Random _random = new(seed);

    public IReadOnlyList<int[]> Propose(IReadOnlyList<Trial> history, int count, Func<int[], bool>? accept = null)
    {
        var taken = history.Select(trial => space.Number(trial.Point)).ToHashSet();
        var proposals = new List<int[]>();
        var refusals = 0;
        while (proposals.Count < count && refusals < SearchSpace.MaxRefusals && space.RandomUntried(_random, taken) is { } point)
        {
            taken.Add(space.Number(point));
            if (accept is null || accept(point))
            {
                proposals.Add(point);
                refusals = 0;
            }
            else
            {
                refusals++;
            }
        }
        return proposals;
    }
}
