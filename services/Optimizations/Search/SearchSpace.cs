namespace Platform.Optimizations.Search;

/// <summary>
/// A discrete parameter space as searches see it: axis d takes the indices 0 … <c>Sizes[d]</c> − 1 into its list of
/// values, and a point is one index per axis. Points are numbered in mixed radix (the first axis slowest), so that a set
/// of tried points is a set of numbers.
/// </summary>
internal sealed class SearchSpace
{
    public SearchSpace(IReadOnlyList<int> sizes)
    {
        if (sizes.Count == 0 || sizes.Any(size => size < 1))
        {
            throw new ArgumentException("A space needs at least one axis, each with at least one value.", nameof(sizes));
        }
        Sizes = sizes;
        Count = sizes.Aggregate(1L, (product, size) => checked(product * size));
    }

    /// <summary>Refused points in a row after which a batch stops looking: the accepted part of the space is then too thin to sample.</summary>
    public const int MaxRefusals = 10_000;

    public IReadOnlyList<int> Sizes { get; }

    /// <summary>How many points the space holds.</summary>
    public long Count { get; }

    public long Number(IReadOnlyList<int> point)
    {
        var number = 0L;
        for (var axis = 0; axis < Sizes.Count; axis++)
        {
            number = number * Sizes[axis] + point[axis];
        }
        return number;
    }

    public int[] Point(long number)
    {
        var point = new int[Sizes.Count];
        for (var axis = Sizes.Count - 1; axis >= 0; axis--)
        {
            point[axis] = (int)(number % Sizes[axis]);
            number /= Sizes[axis];
        }
        return point;
    }

    /// <summary>A point not in <paramref name="taken"/>, uniformly; null when every point is taken.</summary>
    public int[]? RandomUntried(Random random, IReadOnlySet<long> taken)
    {
        if (taken.Count >= Count)
        {
            return null;
        }
        // Rejection while at most half the space is taken (expected draws ≤ 2); past that, pick among the rest directly.
        if (taken.Count * 2 <= Count)
        {
            while (true)
            {
                var number = random.NextInt64(Count);
                if (!taken.Contains(number))
                {
                    return Point(number);
                }
            }
        }
        var skip = random.NextInt64(Count - taken.Count);
        for (var number = 0L; ; number++)
        {
            if (!taken.Contains(number) && skip-- == 0)
            {
                return Point(number);
            }
        }
    }
}

/// <summary>One evaluated point; <see cref="Score"/> is null when the point could not be scored (refused parameters, too few trades).</summary>
internal sealed record Trial(int[] Point, double? Score);

/// <summary>Proposes the next points to evaluate from the trials so far. The same seed and history give the same proposals.</summary>
internal interface ISearchSampler
{
    /// <summary>
    /// Up to <paramref name="count"/> distinct points never tried that <paramref name="accept"/> (when given) accepts, fewer
    /// when the space runs out or <see cref="SearchSpace.MaxRefusals"/> points in a row are refused.
    /// </summary>
    IReadOnlyList<int[]> Propose(IReadOnlyList<Trial> history, int count, Func<int[], bool>? accept = null);
}
