using System.Numerics;

namespace Platform.Optimizations.Overfitting;

/// <summary>
/// The probability of backtest overfitting (PBO) by combinatorially symmetric cross-validation: Bailey, Borwein,
/// López de Prado and Zhu (2017), "The Probability of Backtest Overfitting", Journal of Computational Finance 20(4).
/// The per-period returns of N configurations over T periods are cut into S blocks of consecutive periods. Each of the
/// C(S, S/2) ways to take half the blocks in sample and the rest out of sample picks the configuration with the best
/// in-sample Sharpe ratio and finds its relative rank ω among the out-of-sample Sharpe ratios, ω = rank / (N + 1) with
/// rank 1 the worst; its logit is λ = ln(ω / (1 − ω)). The PBO is the share of splits with λ ≤ 0: the in-sample best
/// does no better out of sample than the median configuration.
/// </summary>
internal static class BacktestOverfitting
{
    public const int DefaultPartitions = 16;

    /// <summary>C(20, 10) = 184,756 splits: the most one computation walks.</summary>
    public const int MaxPartitions = 20;

    /// <param name="returns">One array of per-period returns per configuration, all of the same length.</param>
    /// <param name="partitions">
    /// S, even, 2 to <see cref="MaxPartitions"/>. When T is not a multiple of S, the T mod S oldest periods are left out so
    /// that the blocks are of equal size, as the method requires.
    /// </param>
    public static OverfittingProbability Compute(IReadOnlyList<double[]> returns, int partitions = DefaultPartitions)
    {
        if (partitions < 2 || partitions > MaxPartitions || partitions % 2 != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(partitions), partitions, $"The number of partitions must be even, from 2 to {MaxPartitions}.");
        }
        if (returns.Count < 2)
        {
            throw new ArgumentException("At least two configurations are needed to rank one against the others.", nameof(returns));
        }
        var periods = returns[0].Length;
        if (returns.Any(series => series.Length != periods))
        {
            throw new ArgumentException("Every configuration needs the same periods.", nameof(returns));
        }
        var blockSize = periods / partitions;
        if (blockSize < 2)
        {
            throw new ArgumentException($"{periods} periods are too few for {partitions} partitions: each needs at least 2.", nameof(returns));
        }

        var blocks = BlockSums.Of(returns, partitions, blockSize);
        var configurations = returns.Count;
        var inSample = new double[configurations];
        var outOfSample = new double[configurations];
        var logits = new List<double>();
        var bestInSample = new List<double>();
        var bestOutOfSample = new List<double>();
        var all = (1 << partitions) - 1;
        for (var mask = (1 << (partitions / 2)) - 1; mask <= all; mask = NextWithSameBitCount(mask))
        {
            for (var configuration = 0; configuration < configurations; configuration++)
            {
                inSample[configuration] = blocks.Sharpe(configuration, mask);
                outOfSample[configuration] = blocks.Sharpe(configuration, all & ~mask);
            }
            var best = IndexOfMaximum(inSample);
            var omega = Rank(outOfSample, best) / (configurations + 1.0);
            logits.Add(Math.Log(omega / (1 - omega)));
            bestInSample.Add(inSample[best]);
            bestOutOfSample.Add(outOfSample[best]);
        }
        return OverfittingProbability.From(partitions, periods - blockSize * partitions, logits, bestInSample, bestOutOfSample);
    }

    /// <summary>The next larger integer with as many bits set (Gosper's hack): walks every choice of S/2 blocks once.</summary>
    private static int NextWithSameBitCount(int mask)
    {
        var lowest = mask & -mask;
        var ripple = mask + lowest;
        return ripple | (((mask ^ ripple) >> 2) / lowest);
    }

    private static int IndexOfMaximum(double[] values)
    {
        var best = 0;
        for (var i = 1; i < values.Length; i++)
        {
            if (values[i] > values[best])
            {
                best = i;
            }
        }
        return best;
    }

    /// <summary>The rank of <c>values[index]</c> from 1 (the lowest) to N, ties sharing their average rank.</summary>
    private static double Rank(double[] values, int index)
    {
        var value = values[index];
        int below = 0, equal = 0;
        foreach (var other in values)
        {
            below += other < value ? 1 : 0;
            equal += other == value ? 1 : 0;
        }
        return below + (equal + 1) / 2.0;
    }

    /// <summary>Per block and configuration, the count, sum and sum of squares of the returns, so a split adds blocks up.</summary>
    private sealed class BlockSums(int partitions, int blockSize, double[,] sums, double[,] squares)
    {
        public static BlockSums Of(IReadOnlyList<double[]> returns, int partitions, int blockSize)
        {
            var skipped = returns[0].Length - partitions * blockSize;
            var sums = new double[returns.Count, partitions];
            var squares = new double[returns.Count, partitions];
            for (var configuration = 0; configuration < returns.Count; configuration++)
            {
                var series = returns[configuration];
                for (var period = skipped; period < series.Length; period++)
                {
                    var block = (period - skipped) / blockSize;
                    sums[configuration, block] += series[period];
                    squares[configuration, block] += series[period] * series[period];
                }
            }
            return new BlockSums(partitions, blockSize, sums, squares);
        }

        /// <summary>Mean over sample standard deviation of the periods in the blocks of <paramref name="mask"/>; a series without spread is ±∞ by the sign of its mean, 0 when flat at 0.</summary>
        public double Sharpe(int configuration, int mask)
        {
            double sum = 0, square = 0;
            for (var block = 0; block < partitions; block++)
            {
                if ((mask & (1 << block)) != 0)
                {
                    sum += sums[configuration, block];
                    square += squares[configuration, block];
                }
            }
            var count = BitOperations.PopCount((uint)mask) * blockSize;
            var mean = sum / count;
            var variance = Math.Max(0, (square - sum * mean) / (count - 1));
            return variance > 0 ? mean / Math.Sqrt(variance) : mean switch { > 0 => double.PositiveInfinity, < 0 => double.NegativeInfinity, _ => 0 };
        }
    }
}
