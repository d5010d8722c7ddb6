namespace Platform.Optimizations.MonteCarlo;

/// <summary>
/// Resamples a strategy's trades into many equity paths (docs/api-behaviour.md, 3.10). Pure and deterministic: the
/// simulations are cut into fixed blocks, each with its own <see cref="Random"/> seeded from the seed and the block
/// index, so the output is bit-identical for a seed whatever the thread count or scheduling. Workers reuse one buffer;
/// the result arrays are sorted once for every statistic.
/// </summary>
internal static class MonteCarloSimulator
{
    private const int BlockSize = 256;

    /// <summary>Simulated returns beyond this many percent take absurd inputs, and squaring them would overflow the statistics.</summary>
    private const double ReturnLimitPct = 1e150;

    /// <exception cref="MonteCarloValidationException">Invalid options or trades (check them first with their <c>Validate</c>), or returns that compound past <see cref="ReturnLimitPct"/>.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled; it is checked between blocks.</exception>
    public static MonteCarloResult Run(TradeReturns trades, MonteCarloOptions options, CancellationToken cancellationToken = default)
    {
        var errors = options.Validate().Concat(trades.Validate()).ToDictionary();
        if (errors.Count > 0)
        {
            throw new MonteCarloValidationException(errors);
        }

        var seed = options.Seed ?? Random.Shared.Next();
        var growth = StressedGrowth(trades, options);
        var skipped = (int)Math.Round(options.SkipFraction * growth.Length, MidpointRounding.AwayFromZero);
        var length = Math.Max(1, growth.Length - skipped);
        var returns = new double[options.Simulations];
        var drawdowns = new double[options.Simulations];
        var checkpoints = EquityBands.Checkpoints(length);
        var banded = Math.Min(options.Simulations, EquityBands.MaxPaths);
        var record = new double[banded * checkpoints.Length];
        var blocks = (options.Simulations + BlockSize - 1) / BlockSize;
        var parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = Math.Max(1, options.MaxDegreeOfParallelism),
            CancellationToken = cancellationToken,
        };
        Parallel.For(
            0,
            blocks,
            parallel,
            () => options.Method == MonteCarloMethod.Permutation ? new double[growth.Length] : [],
            (block, _, buffer) =>
            {
                // A shuffle starts from the historical order in every block, so no block depends on the one before it on its worker.
                growth.AsSpan(0, buffer.Length).CopyTo(buffer);
                var random = new Random(BlockSeed(seed, block));
                var end = Math.Min(options.Simulations, (block + 1) * BlockSize);
                for (var simulation = block * BlockSize; simulation < end; simulation++)
                {
                    var path = simulation < banded ? record.AsSpan(simulation * checkpoints.Length, checkpoints.Length) : [];
                    (returns[simulation], drawdowns[simulation]) = options.Method == MonteCarloMethod.Permutation
                        ? EquityPath.Permutation(buffer, length, random, checkpoints, path)
                        : EquityPath.Bootstrap(growth, length, random, checkpoints, path);
                }
                return buffer;
            },
            _ => { });

        Array.Sort(returns);
        Array.Sort(drawdowns);
        var original = EquityPath.Follow([.. trades.Returns.Select(r => Math.Max(0, 1 + r))]);
        if (!(double.IsFinite(returns[0]) && returns[^1] <= ReturnLimitPct && original.ReturnPct <= ReturnLimitPct))
        {
            throw new MonteCarloValidationException(new Dictionary<string, string>
            {
                ["returns"] = $"compound to more than {ReturnLimitPct:E0} percent",
            });
        }

        return Summarize(options, seed, trades.Returns.Count, length, original, returns, drawdowns, EquityBands.Of(checkpoints, record, banded));
    }

    /// <summary>
    /// 1 + return under the stress scenario, floored at 0: the fee stress adds (k − 1) times each trade's commission,
    /// slippage costs 2 × bps / 10 000 per round trip.
    /// </summary>
    private static double[] StressedGrowth(TradeReturns trades, MonteCarloOptions options)
    {
        var slippage = 2 * options.SlippageBps / 10_000;
        var growth = new double[trades.Returns.Count];
        for (var i = 0; i < growth.Length; i++)
        {
            var extraFees = trades.Commissions is null ? 0 : (options.FeeMultiplier - 1) * trades.Commissions[i];
            growth[i] = Math.Max(0, 1 + trades.Returns[i] - extraFees - slippage);
        }
        return growth;
    }

    /// <summary>SplitMix64's finalizer over (seed, block): neighbouring blocks get unrelated, non-negative seeds.</summary>
    private static int BlockSeed(int seed, int block)
    {
        unchecked
        {
            var z = ((ulong)(uint)seed << 32 | (uint)block) + 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return (int)((z ^ (z >> 31)) >> 33);
        }
    }

    private static MonteCarloResult Summarize(
        MonteCarloOptions options,
        int seed,
        int trades,
        int length,
        (double ReturnPct, double DrawdownPct) original,
        double[] returns,
        double[] drawdowns,
        EquityBands bands)
    {
        var count = (double)returns.Length;
        var meanReturn = SortedSample.Mean(returns);
        var meanDrawdown = SortedSample.Mean(drawdowns);
        var atOrBelowOriginal = returns.Length - SortedSample.CountAbove(returns, original.ReturnPct + 1e-9 * Math.Max(1, Math.Abs(original.ReturnPct)));
        return new MonteCarloResult
        {
            Simulations = returns.Length,
            Method = options.Method,
            Seed = seed,
            Trades = trades,
            TradesPerSimulation = length,
            OriginalReturn = original.ReturnPct,
            OriginalDrawdown = original.DrawdownPct,
            MeanReturn = meanReturn,
            MedianReturn = SortedSample.Percentile(returns, 50),
            StdReturn = SortedSample.StandardDeviation(returns, meanReturn),
            Percentile5 = SortedSample.Percentile(returns, 5),
            Percentile25 = SortedSample.Percentile(returns, 25),
            Percentile75 = SortedSample.Percentile(returns, 75),
            Percentile95 = SortedSample.Percentile(returns, 95),
            DrawdownMean = meanDrawdown,
            DrawdownMedian = SortedSample.Percentile(drawdowns, 50),
            DrawdownStd = SortedSample.StandardDeviation(drawdowns, meanDrawdown),
            DrawdownPercentile5 = SortedSample.Percentile(drawdowns, 5),
            DrawdownPercentile25 = SortedSample.Percentile(drawdowns, 25),
            DrawdownPercentile75 = SortedSample.Percentile(drawdowns, 75),
            DrawdownPercentile95 = SortedSample.Percentile(drawdowns, 95),
            ProbProfit = SortedSample.CountAbove(returns, 0) / count,
            ProbRuin = SortedSample.CountAbove(drawdowns, options.RuinThreshold) / count,
            OriginalPercentile = atOrBelowOriginal / count * 100,
            ConfidenceInterval = ConfidenceInterval.Of(returns, options.ConfidenceLevel),
            ReturnHistogram = Histogram.Of(returns, options.HistogramBins),
            DrawdownHistogram = Histogram.Of(drawdowns, options.HistogramBins),
            EquityBands = bands,
        };
    }
}
