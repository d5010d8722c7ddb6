using System.Globalization;
using Platform.Optimizations.Search;
using Xunit.Abstractions;

namespace Platform.Optimizations.Tests.Search;

/// <summary>
/// The tree-structured Parzen estimator (<see cref="TreeParzenSampler"/>) against random search on a 30 × 30 grid whose
/// best point is known: a broad peak, a narrower decoy and a ripple, with a corner of refused points.
/// </summary>
public sealed class ModelBasedSearchBeatsRandomSearch(ITestOutputHelper output)
{
    private static readonly SearchSpace Space = new([30, 30]);

    [Fact]
    public void TheParzenSearchComesWithinOnePercentOfTheGridsBestInAQuarterOfItsEvaluations()
    {
        var gridBest = Enumerable.Range(0, (int)Space.Count).Select(number => Score(Space.Point(number)) ?? double.NegativeInfinity).Max();
        var budget = (int)Space.Count / 4;

        var parzen = Enumerable.Range(1, 10).Select(seed => Search(new TreeParzenSampler(Space, seed, initialTrials: 20), budget, batch: 4)).ToList();
        var random = Enumerable.Range(1, 10).Select(seed => Search(new RandomSampler(Space, seed), budget, batch: 4)).ToList();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"grid best {gridBest:0.0000} over {Space.Count} points; budget {budget}"));
        output.WriteLine($"parzen best per seed: {string.Join(", ", parzen.Select(best => best.ToString("0.0000", CultureInfo.InvariantCulture)))}");
        output.WriteLine($"random best per seed: {string.Join(", ", random.Select(best => best.ToString("0.0000", CultureInfo.InvariantCulture)))}");

        Assert.All(parzen, best => Assert.True(best >= 0.99 * gridBest, $"{best} is not within 1 % of {gridBest}"));
        Assert.True(parzen.Average() > random.Average());
    }

    [Fact]
    public void TheSameSeedProposesTheSameTrials()
    {
        var first = Trials(new TreeParzenSampler(Space, seed: 3, initialTrials: 10), budget: 60, batch: 3);
        var second = Trials(new TreeParzenSampler(Space, seed: 3, initialTrials: 10), budget: 60, batch: 3);
        var other = Trials(new TreeParzenSampler(Space, seed: 4, initialTrials: 10), budget: 60, batch: 3);

        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    public void ABatchHoldsDistinctUntriedPoints(int batch)
    {
        var trials = Trials(new TreeParzenSampler(Space, seed: 9, initialTrials: 5), budget: 140, batch);

        Assert.Equal(140, trials.Count);
        Assert.Equal(140, trials.Distinct().Count());
    }

    [Fact]
    public void ASmallSpaceIsTriedWholeAndThenRunsOut()
    {
        var small = new SearchSpace([3, 3]);
        var sampler = new TreeParzenSampler(small, seed: 1, initialTrials: 2);
        var history = new List<Trial>();

        for (var round = 0; round < 5; round++)
        {
            history.AddRange(sampler.Propose(history, 4).Select(point => new Trial(point, point[0] - point[1])));
        }

        Assert.Equal(9, history.Count);
        Assert.Equal(9, history.Select(trial => small.Number(trial.Point)).Distinct().Count());
        Assert.Empty(sampler.Propose(history, 1));
        Assert.Empty(new RandomSampler(small, 1).Propose(history, 1));
    }

    [Fact]
    public void OnlyUnscoredTrialsSoFarKeepTheSearchRandom()
    {
        var sampler = new TreeParzenSampler(Space, seed: 2, initialTrials: 1);
        Trial[] refused = [new([0, 0], null), new([29, 29], null)];

        var proposals = sampler.Propose(refused, 5);

        Assert.Equal(5, proposals.Count);
        Assert.DoesNotContain(proposals, point => Space.Number(point) is 0 or 899);
    }

    [Fact]
    public void PointsAreNumberedInMixedRadix()
    {
        var space = new SearchSpace([2, 3, 4]);

        Assert.Equal(24, space.Count);
        Assert.Equal(1 * 12 + 2 * 4 + 3, space.Number([1, 2, 3]));
        Assert.Equal([1, 2, 3], space.Point(23));
        Assert.All(Enumerable.Range(0, 24), number => Assert.Equal(number, space.Number(space.Point(number))));
        Assert.Throws<ArgumentException>(() => new SearchSpace([]));
        Assert.Throws<ArgumentException>(() => new SearchSpace([3, 0]));
    }

    [Fact]
    public void TheLastUntriedPointIsFoundWhenTheSpaceIsNearlyFull()
    {
        var space = new SearchSpace([10, 10]);
        var taken = Enumerable.Range(0, 100).Where(number => number != 57).Select(number => (long)number).ToHashSet();

        Assert.Equal([5, 7], space.RandomUntried(new Random(1), taken)!);
        taken.Add(57);
        Assert.Null(space.RandomUntried(new Random(1), taken));
    }

    /// <summary>A broad peak of 1 at (21, 8), a decoy of 0.8 at (5, 24), a ripple; the corner below x + y = 6 is refused.</summary>
    private static double? Score(int[] point)
    {
        var (x, y) = (point[0], point[1]);
        if (x + y < 6)
        {
            return null;
        }
        var peak = Math.Exp(-((x - 21) * (x - 21) + (y - 8) * (y - 8)) / 60.0);
        var decoy = 0.8 * Math.Exp(-((x - 5) * (x - 5) + (y - 24) * (y - 24)) / 12.0);
        return peak + decoy + 0.03 * Math.Sin(x * 1.7) * Math.Cos(y * 1.3);
    }

    private static double Search(ISearchSampler sampler, int budget, int batch) =>
        Run(sampler, budget, batch).Max(trial => trial.Score ?? double.NegativeInfinity);

    private static List<long> Trials(ISearchSampler sampler, int budget, int batch) =>
        [.. Run(sampler, budget, batch).Select(trial => Space.Number(trial.Point))];

    private static List<Trial> Run(ISearchSampler sampler, int budget, int batch)
    {
        var history = new List<Trial>();
        while (history.Count < budget)
        {
            var proposals = sampler.Propose(history, Math.Min(batch, budget - history.Count));
            history.AddRange(proposals.Select(point => new Trial(point, Score(point))));
        }
        return history;
    }
}
