using Platform.Optimizations.Overfitting;
using Xunit.Abstractions;

namespace Platform.Optimizations.Tests.Overfitting;

/// <summary>
/// The probability of backtest overfitting (<see cref="BacktestOverfitting"/>) on splits worked out by hand, on
/// configurations of pure noise (where picking the in-sample best is a coin toss out of sample) and on noise with one
/// planted edge (where the in-sample best is the edge, and stays best).
/// </summary>
public sealed class OverfittingProbabilityByCrossValidation(ITestOutputHelper output)
{
    [Fact]
    public void ABestThatReversesOutOfSampleIsOverfittedInBothSplits()
    {
        // Two blocks of two periods. A: Sharpe √2 then −√2; B: 1/√2 in both. In sample the better one is A (split 1) or
        // B (split 2); out of sample it is the worse of two either time: rank 1, ω = 1/3, λ = ln(1/2).
        double[] a = [0.01, 0.03, -0.01, -0.03];
        double[] b = [0.00, 0.02, 0.00, 0.02];

        var result = BacktestOverfitting.Compute([a, b], partitions: 2);

        Assert.Equal((2, 1.0, 0), (result.Splits, result.Probability, result.PeriodsLeftOut));
        Assert.Equal(Math.Log(0.5), result.MedianLogit, 12);
        Assert.Equal(0.5, result.ProbabilityOfLoss);
        // The in-sample best's Sharpe ratios (in, out): (√2, −√2) and (1/√2, 1/√2): slope (1/√2 + √2) / (1/√2 − √2) = −3,
        // intercept −√2 + 3√2 = 2√2.
        Assert.Equal(-3, result.DegradationSlope!.Value, 9);
        Assert.Equal(2 * Math.Sqrt(2), result.DegradationIntercept!.Value, 9);
        Assert.StartsWith("likely overfitted", result.Verdict);
    }

    [Fact]
    public void ABestThatStaysBestIsNotOverfitted()
    {
        double[] a = [0.01, 0.03, 0.01, 0.03];
        double[] b = [0.00, 0.02, 0.00, 0.02];

        var result = BacktestOverfitting.Compute([a, b], partitions: 2);

        Assert.Equal(0, result.Probability);
        Assert.Equal(Math.Log(2), result.MedianLogit, 12);
        Assert.Equal(0, result.ProbabilityOfLoss);
        Assert.Null(result.DegradationSlope);
        Assert.StartsWith("unlikely overfitted", result.Verdict);
    }

    [Fact]
    public void TheOldestPeriodsBeyondEqualBlocksAreLeftOut()
    {
        // Five periods in two blocks of two: the first period, however large, is not looked at.
        double[] a = [1_000, 0.01, 0.03, 0.01, 0.03];
        double[] b = [-1_000, 0.00, 0.02, 0.00, 0.02];

        var result = BacktestOverfitting.Compute([a, b], partitions: 2);

        Assert.Equal((1, 0.0), (result.PeriodsLeftOut, result.Probability));
    }

    [Fact]
    public void EveryChoiceOfHalfTheBlocksIsASplit()
    {
        var returns = Noise(configurations: 3, periods: 40, seed: 5);

        Assert.Equal(70, BacktestOverfitting.Compute(returns, partitions: 8).Splits);
        Assert.Equal(12_870, BacktestOverfitting.Compute(Noise(3, 64, 5), partitions: 16).Splits);
    }

    [Fact]
    public void PureNoiseIsAsLikelyOverfittedAsNot()
    {
        // One sample of noise can lean either way; over ten samples the in-sample best lands below the out-of-sample median
        // about half the time.
        var results = Enumerable.Range(1, 10).Select(seed => BacktestOverfitting.Compute(Noise(configurations: 40, periods: 1_600, seed))).ToList();
        output.WriteLine($"noise, ten samples: PBO {string.Join(", ", results.Select(result => result.Probability.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture)))}");

        Assert.All(results, result => Assert.Equal(12_870, result.Splits));
        Assert.InRange(results.Average(result => result.Probability), 0.4, 0.65);
        Assert.InRange(results.Average(result => result.ProbabilityOfLoss), 0.3, 0.7);
    }

    [Fact]
    public void APlantedEdgeIsFoundAndKept()
    {
        var returns = Noise(configurations: 40, periods: 1_600, seed: 7);
        for (var period = 0; period < returns[0].Length; period++)
        {
            returns[13][period] += 0.2 * 0.01;
        }

        var result = BacktestOverfitting.Compute(returns);
        output.WriteLine($"planted edge: {result}");

        Assert.InRange(result.Probability, 0, 0.05);
        Assert.True(result.MedianLogit > 2, $"median logit {result.MedianLogit}");
        Assert.Equal(0, result.ProbabilityOfLoss);
        Assert.StartsWith("unlikely overfitted", result.Verdict);
    }

    [Fact]
    public void TiesShareTheirRank()
    {
        // Identical configurations: the in-sample best is the first, its out-of-sample rank the average (N + 1) / 2: λ = 0.
        double[] a = [0.01, 0.03, -0.02, 0.01];

        var result = BacktestOverfitting.Compute([a, [.. a], [.. a]], partitions: 2);

        Assert.Equal((0.0, 1.0), (result.MedianLogit, result.Probability));
    }

    [Fact]
    public void SeriesWithoutSpreadRankByTheSignOfTheirMean()
    {
        double[] up = [0.01, 0.01, 0.01, 0.01];
        double[] flat = [0, 0, 0, 0];
        double[] down = [-0.01, -0.01, -0.01, -0.01];

        var result = BacktestOverfitting.Compute([flat, down, up], partitions: 2);

        Assert.Equal(0, result.Probability);
        Assert.Equal(Math.Log(3), result.MedianLogit, 12);
        Assert.Null(result.DegradationSlope);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(0)]
    [InlineData(22)]
    public void PartitionsMustBeEvenAndAtMostTwenty(int partitions)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => BacktestOverfitting.Compute(Noise(2, 100, 1), partitions));
        Assert.Equal("partitions", error.ParamName);
    }

    [Fact]
    public void TheInputMustHoldTwoConfigurationsOfEqualLengthAndEnoughPeriods()
    {
        Assert.Contains("two configurations", Assert.Throws<ArgumentException>(() => BacktestOverfitting.Compute([new double[40]], 2)).Message);
        Assert.Contains("same periods", Assert.Throws<ArgumentException>(() => BacktestOverfitting.Compute([new double[40], new double[41]], 2)).Message);
        Assert.Contains("too few", Assert.Throws<ArgumentException>(() => BacktestOverfitting.Compute([new double[31], new double[31]], 16)).Message);
        Assert.Equal(0, BacktestOverfitting.Compute([new double[32], new double[32]], 16).PeriodsLeftOut);
    }

    /// <summary>Independent normal returns with a 1 % standard deviation (Box–Muller over a seeded generator).</summary>
    private static double[][] Noise(int configurations, int periods, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, configurations).Select(_ => Enumerable.Range(0, periods)
            .Select(_ => 0.01 * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()))
            .ToArray())];
    }
}
