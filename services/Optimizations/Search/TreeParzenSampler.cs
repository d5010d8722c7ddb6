namespace Platform.Optimizations.Search;

/// <summary>
/// A tree-structured Parzen estimator (Bergstra, Bardenet, Bengio and Kégl, 2011, "Algorithms for Hyper-Parameter
/// Optimization") over a discrete space whose axes are ordered lists of values. After <c>initialTrials</c> random points,
/// the trials are split into the best γ (γ = min(⌈n / 10⌉, 25), as Optuna does) and the rest; per axis, each group gives a
/// density over the indices: a Gaussian kernel around each of its trials plus one uniform pseudo-trial. Of
/// <c>candidates</c> points drawn from the good density, the untried one with the largest ratio good / rest is proposed.
/// Points proposed earlier in the same batch count as "rest", which spreads a batch instead of proposing one spot twice,
/// and so do points just refused, which moves the next draw away from them. Unscored trials count as the worst.
/// </summary>
internal sealed class TreeParzenSampler(SearchSpace space, int seed, int initialTrials, int candidates = 24) : ISearchSampler
{
    public const int MaxGood = 25;

    private readonly Random _random = new(seed);

    public IReadOnlyList<int[]> Propose(IReadOnlyList<Trial> history, int count, Func<int[], bool>? accept = null)
    {
        var taken = history.Select(trial => space.Number(trial.Point)).ToHashSet();
        var proposals = new List<int[]>();
        var refused = new List<int[]>();
        while (proposals.Count < count && refused.Count < SearchSpace.MaxRefusals)
        {
            var point = history.Count + proposals.Count < initialTrials || history.All(trial => trial.Score is null)
                ? space.RandomUntried(_random, taken)
                : Modelled(history, [.. proposals, .. refused], taken) ?? space.RandomUntried(_random, taken);
            if (point is null)
            {
                break;
            }
            taken.Add(space.Number(point));
            if (accept is null || accept(point))
            {
                proposals.Add(point);
                refused.Clear();
            }
            else
            {
                refused.Add(point);
            }
        }
        return proposals;
    }

    private int[]? Modelled(IReadOnlyList<Trial> history, IReadOnlyList<int[]> pending, IReadOnlySet<long> taken)
    {
        var ranked = history.OrderByDescending(trial => trial.Score ?? double.NegativeInfinity).ToList();
        var goodCount = Math.Min(Math.Min((int)Math.Ceiling(ranked.Count / 10.0), MaxGood), ranked.Count(trial => trial.Score is not null));
        var good = ranked.Take(goodCount).Select(trial => trial.Point).ToList();
        var rest = ranked.Skip(goodCount).Select(trial => trial.Point).Concat(pending).ToList();

        var goodDensity = space.Sizes.Select((size, axis) => Density(size, good.Select(point => point[axis]).ToList())).ToArray();
        var restDensity = space.Sizes.Select((size, axis) => Density(size, rest.Select(point => point[axis]).ToList())).ToArray();

        int[]? best = null;
        var bestRatio = double.NegativeInfinity;
        for (var candidate = 0; candidate < candidates; candidate++)
        {
            var point = goodDensity.Select(Draw).ToArray();
            if (taken.Contains(space.Number(point)))
            {
                continue;
            }
            var ratio = 0.0;
            for (var axis = 0; axis < point.Length; axis++)
            {
                ratio += Math.Log(goodDensity[axis][point[axis]]) - Math.Log(restDensity[axis][point[axis]]);
            }
            if (ratio > bestRatio)
            {
                (best, bestRatio) = (point, ratio);
            }
        }
        return best;
    }

    /// <summary>
    /// Probabilities over the indices of one axis: one uniform pseudo-trial plus a Gaussian kernel around each index
    /// seen, its width shrinking as the group grows (a tenth of the axis, at least one index, at 1 / (1 + √n) scale).
    /// </summary>
    private static double[] Density(int size, IReadOnlyList<int> seen)
    {
        var density = new double[size];
        Array.Fill(density, 1.0 / size);
        var width = Math.Max(1.0, size / (1.0 + Math.Sqrt(seen.Count)) / 2);
        foreach (var center in seen)
        {
            var kernel = new double[size];
            var total = 0.0;
            for (var index = 0; index < size; index++)
            {
                var distance = (index - center) / width;
                kernel[index] = Math.Exp(-0.5 * distance * distance);
                total += kernel[index];
            }
            for (var index = 0; index < size; index++)
            {
                density[index] += kernel[index] / total;
            }
        }
        for (var index = 0; index < size; index++)
        {
            density[index] /= seen.Count + 1;
        }
        return density;
    }

    private int Draw(double[] density)
    {
        var target = _random.NextDouble();
        for (var index = 0; index < density.Length - 1; index++)
        {
            target -= density[index];
            if (target < 0)
            {
                return index;
            }
        }
        return density.Length - 1;
    }
}
