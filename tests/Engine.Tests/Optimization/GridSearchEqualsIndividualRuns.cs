using Platform.Engine.Backtesting;
using Platform.Engine.Data;
using Platform.Engine.Filters;
using Platform.Engine.Optimization;
using Platform.Engine.Strategies;
using Platform.Engine.Tests.Support;

namespace Platform.Engine.Tests.Optimization;

public sealed class GridSearchEqualsIndividualRuns
{
    private static readonly CandleSeries Candles = Bars.RandomWalk(3_000, seed: 51, volatility: 0.005);
    private static readonly BacktestSettings Settings = new() { Direction = TradeDirection.Both, TakeProfit = PriceDistance.Percent(3) };

    private static IReadOnlyList<ValidationResult<StrategySpec>> Expand(string strategy, Dictionary<string, IReadOnlyList<double>> axes) =>
        ParameterGrid.Expand(StrategyCatalog.Default, strategy, axes);

    [Fact]
    public void ExpandsTheCartesianProductAndReportsInvalidCombinations()
    {
        var combinations = Expand("sma_crossover", new() { ["slow"] = [10, 20], ["fast"] = [5, 10, 15] });

        Assert.Equal(6, combinations.Count);
        Assert.Equal(
            ["sma_crossover(fast=5,slow=10)", "sma_crossover(fast=5,slow=20)", "sma_crossover(fast=10,slow=20)", "sma_crossover(fast=15,slow=20)"],
            combinations.Where(c => c.IsValid).Select(c => c.Value!.ToString()));
        Assert.Equal("must be greater than fast (10)", combinations[2].Errors["slow"]);
    }

    [Theory]
    [InlineData(0, 12)]
    [InlineData(0, 5)]
    [InlineData(3, 10)]
    [InlineData(10, 99)]
    [InlineData(-3, 2)]
    [InlineData(12, 30)]
    public void ASliceOfTheExpansionIsThoseCombinationsOfTheWhole(long first, long end)
    {
        Dictionary<string, IReadOnlyList<double>> axes = new() { ["slow"] = [10, 20, 30], ["fast"] = [5, 10, 15, 25] };
        var definition = StrategyCatalog.Default.Strategies.Single(strategy => strategy.Name == "sma_crossover");
        var whole = ParameterGrid.Expand(definition, axes);

        var slice = ParameterGrid.Expand(definition, axes, first, end);

        Assert.Equal(12, ParameterGrid.Size(axes));
        Assert.Contains(whole, result => !result.IsValid);
        Assert.Equal(
            whole.Take((int)Math.Min(end, 12)).Skip((int)Math.Max(first, 0)).Select(Describe),
            slice.Select(Describe));
    }

    private static string Describe(ValidationResult<StrategySpec> result) =>
        result.IsValid ? result.Value!.ToString() : string.Join(';', result.Errors.Select(error => $"{error.Key}={error.Value}"));

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void EveryCombinationMatchesItsOwnBacktest(int parallelism)
    {
        var combinations = Expand("sma_crossover", new() { ["fast"] = [3, 5, 8], ["slow"] = [12, 20, 30] })
            .Concat(Expand("bollinger_reversion", new() { ["period"] = [10, 20], ["exit_at_middle"] = [0, 1] }))
            .Select(c => c.Value!)
            .ToArray();
        TrendFilter[] filters = [new(Interval.Parse("30"), 5)];
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));

        var grid = GridSearch.Run(Candles, combinations, Settings, new GridOptions { MaxDegreeOfParallelism = parallelism, Filters = filters }, timeout.Token);

        Assert.Equal(combinations.Length, grid.Count);
        foreach (var (spec, result) in combinations.Zip(grid))
        {
            var single = Backtester.Run(Candles, spec, Settings, filters);
            Assert.Same(spec, result.Strategy);
            Assert.Equal(single.Metrics, result.Metrics);
            Assert.Equal(single.Fingerprint, result.Fingerprint);
        }
    }

    [Fact]
    public void PeriodReturnsCutEachCombinationsEquityIntoEqualRunsOfBars()
    {
        var combinations = Expand("sma_crossover", new() { ["fast"] = [3, 8], ["slow"] = [12, 30] }).Select(c => c.Value!).ToArray();

        var grid = GridSearch.Run(Candles, combinations, Settings, new GridOptions { ReturnPeriods = 7 });

        foreach (var (spec, result) in combinations.Zip(grid))
        {
            var equity = Backtester.Run(Candles, spec, Settings).Equity.ToArray();
            // 3,000 bars in 7 periods end at bars ⌊3000·(p + 1) / 7⌋ − 1: 427, 856, 1284, 1713, 2141, 2570, 2999.
            int[] ends = [427, 856, 1284, 1713, 2141, 2570, 2999];
            var before = Settings.InitialCapital;
            var expected = new double[7];
            for (var period = 0; period < 7; period++)
            {
                expected[period] = equity[ends[period]] / before - 1;
                before = equity[ends[period]];
            }
            Assert.Equal(expected, result.PeriodReturns!);
            Assert.Equal(result.Metrics.TotalReturn, result.PeriodReturns!.Aggregate(1.0, (value, period) => value * (1 + period)) - 1, 12);
        }
        Assert.All(GridSearch.Run(Candles, combinations, Settings), result => Assert.Null(result.PeriodReturns));
    }

    [Fact]
    public void PeriodReturnsNeedAtLeastABarAPeriod()
    {
        Assert.Equal([1.0, -0.5], GridResult.ReturnsOver([20, 10], 10, 2));
        Assert.Equal([0.0], GridResult.ReturnsOver([5], 0, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => GridResult.ReturnsOver([1, 2], 1, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => GridResult.ReturnsOver([1, 2], 1, 0));
        var fiveBars = GridSearch.Run(
            Bars.RandomWalk(5, seed: 1, volatility: 0.01), [Expand("sma_crossover", new() { ["fast"] = [2], ["slow"] = [3] })[0].Value!], Settings,
            new GridOptions { ReturnPeriods = 240 });
        Assert.Equal(5, fiveBars[0].PeriodReturns!.Length);
    }

    [Fact]
    public void StopsBetweenCombinationsWhenCancelled()
    {
        var combinations = Expand("ema_crossover", new() { ["fast"] = [2, 3, 4], ["slow"] = [10, 11] }).Select(c => c.Value!).ToArray();
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => GridSearch.Run(Candles, combinations, Settings, cancellationToken: cancellation.Token));
    }

    [Fact]
    public void ValidatesSettingsUpFront() =>
        Assert.Throws<EngineValidationException>(() => GridSearch.Run(Candles, [], Settings with { Leverage = 500 }));

    [Fact]
    public void DefaultOptionsUseEveryCoreAndNoFilters()
    {
        var options = new GridOptions();
        Assert.Equal(Environment.ProcessorCount, options.MaxDegreeOfParallelism);
        Assert.Empty(options.Filters);
        Assert.Empty(GridSearch.Run(Candles, [], Settings, options with { MaxDegreeOfParallelism = 0 }));
    }

    [Fact]
    public void ACombinationEvaluatedAgainAllocatesNothingButItsResult()
    {
        var combinations = Expand("sma_crossover", new() { ["fast"] = [3, 5, 8, 13], ["slow"] = [21, 34, 55] }).Select(c => c.Value!).ToArray();
        var twice = combinations.Concat(combinations).ToArray();
        var oneCore = new GridOptions { MaxDegreeOfParallelism = 1 };
        long Allocated(StrategySpec[] specs)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            GridSearch.Run(Candles, specs, Settings, oneCore);
            return GC.GetAllocatedBytesForCurrentThread() - before;
        }
        Allocated(twice);

        var perCombination = (Allocated(twice) - Allocated(combinations)) / combinations.Length;

        // The result and its metrics take about 400 bytes; a binding (4 KB), a fingerprint (2.6 KB), a closure per indicator
        // read or a buffer would show.
        Assert.InRange(perCombination, 0, 1_024);
    }
}
