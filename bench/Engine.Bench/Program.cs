using Platform.Engine.Backtesting;
using Platform.Engine.Bench;
using Platform.Engine.Data;
using Platform.Engine.Filters;
using Platform.Engine.Optimization;
using Platform.Engine.Strategies;

var quick = args.Contains("--quick");
Harness.Only = args.SkipWhile(arg => arg != "--case").Skip(1).FirstOrDefault()?.Split(',').ToHashSet() ?? [];
var bars = quick ? 100_000 : 1_000_000;
var runs = quick ? 3 : 10;
var candles = RandomWalk.Generate(bars, seed: 42);
var catalog = StrategyCatalog.Default;
var settings = new BacktestSettings { Direction = TradeDirection.Both };
var sma = catalog.Create("sma_crossover", new Dictionary<string, double> { ["fast"] = 10, ["slow"] = 30 });
TrendFilter[] trend = [new(Interval.Parse("240"), 50)];

// The floor: SMA cross 10/30, long-only, next-open fills, the taker fee on both sides, as one plain loop.
if (args.Contains("--profile"))
{
    PhaseProfile.Run(candles, sma, new BacktestSettings(), runs);
    return;
}

var open = candles.Open.ToArray();
var closes = candles.Close.ToArray();
var reference = Harness.Measure("reference_loop_1m", bars, 10, runs, () => ReferenceLoop.Run(open, closes, 10, 30, BacktestSettings.BybitTakerBps / 10_000, 10_000));
var longOnly = new BacktestSettings();
Harness.Measure("sma_crossover_long_1m", bars, 10, runs, () => Backtester.Run(candles, sma, longOnly), ("reference", reference));

// The shipped sma_crossover is a rule document; the same rules as one hand-written loop are its floor.
var handWritten = Harness.Measure("sma_crossover_handwritten_1m", bars, 10, runs, () => Backtester.Run(candles, HandWrittenCrossover.Spec(10, 30), settings));
Harness.Measure("sma_crossover_1m", bars, 10, runs, () => Backtester.Run(candles, sma, settings), ("handwritten", handWritten));
// Every trade-management feature on: ATR stop and trail, target, bar limit, pyramiding, risk sizing and funding.
var managed = settings with
{
    StopLoss = PriceDistance.Atr(2),
    TakeProfit = PriceDistance.Percent(3),
    TrailingStop = PriceDistance.Atr(3, 20),
    MaxBarsInTrade = 500,
    MaxEntries = 3,
    Sizing = PositionSizing.RiskPercent(1),
    FundingRatePer8Hours = 0.0001,
};
Harness.Measure("sma_crossover_managed_1m", bars, 10, runs, () => Backtester.Run(candles, sma, managed));
Harness.Measure("sma_crossover_mtf_1m", bars, 10, runs, () => Backtester.Run(candles, sma, settings, trend));

var axes = new Dictionary<string, IReadOnlyList<double>>
{
    ["fast"] = [.. Enumerable.Range(1, 10).Select(i => i * 5.0)],
    ["slow"] = [.. Enumerable.Range(1, 10).Select(i => i * 20.0)],
};

// Ten of the hundred combinations have fast >= slow and are rejected by validation, as in the original.
var grid = ParameterGrid.Expand(catalog, "sma_crossover", axes).Where(r => r.IsValid).Select(r => r.Value!).ToArray();
var handWrittenGrid = grid.Select(spec => HandWrittenCrossover.Spec(spec.Parameters.Int("fast"), spec.Parameters.Int("slow"))).ToArray();
var gridFloor = Harness.Measure("grid_100_handwritten_1m", (long)bars * grid.Length, 1, quick ? 1 : 3, () => GridSearch.Run(candles, handWrittenGrid, settings));
Harness.Measure("grid_100_1m", (long)bars * grid.Length, 1, quick ? 1 : 3, () => GridSearch.Run(candles, grid, settings), ("handwritten", gridFloor));

// The same rules as the floor over 90 combinations on every core: each combination's share against the floor's per core.
var longGrid = ParameterGrid.Expand(catalog, "sma_crossover", new Dictionary<string, IReadOnlyList<double>>
{
    ["fast"] = [.. Enumerable.Range(1, 10).Select(i => i * 5.0)],
    ["slow"] = [.. Enumerable.Range(6, 9).Select(i => i * 10.0)],
}).Select(r => r.Value!).ToArray();
Harness.Measure(
    "grid_90_long_1m", (long)bars * longGrid.Length, 2, quick ? 1 : 5, () => GridSearch.Run(candles, longGrid, longOnly), ("reference", reference),
    items: longGrid.Length, cores: Environment.ProcessorCount);

// The same 90 twice: the second 90 find every indicator computed, so the bytes this case allocates beyond the case above,
// over 90, are what a combination allocates itself.
var twice = longGrid.Concat(longGrid).ToArray();
Harness.Measure(
    "grid_90_twice_long_1m", (long)bars * twice.Length, 2, quick ? 1 : 5, () => GridSearch.Run(candles, twice, longOnly), ("reference", reference),
    items: twice.Length, cores: Environment.ProcessorCount);

// What a combination allocates in a grid's steady state, on one core so that only the grid's own thread counts: the same
// 90 (bound, and their indicators computed, by the cases above) run once and twice; the difference over 90.
if (Harness.Only.Count == 0 || Harness.Only.Contains("grid_90_steady_state_allocation"))
{
    var oneCore = new GridOptions { MaxDegreeOfParallelism = 1 };
    long Allocated(StrategySpec[] specs)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        GridSearch.Run(candles, specs, longOnly, oneCore);
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
    Allocated(twice);
    var (once, both) = (Allocated(longGrid), Allocated(twice));
    Console.WriteLine(string.Create(
        System.Globalization.CultureInfo.InvariantCulture,
        $"case=grid_90_steady_state_allocation combinations={longGrid.Length} bytes_per_run={once} bytes_per_combination={(both - once) / longGrid.Length}"));
}

var close = candles.Close.ToArray();
var sink = 0.0;
Harness.Measure("floor_1m", bars, 3, runs * 3, () => sink += Floor(close));
GC.KeepAlive(sink);

static double Floor(double[] close)
{
    var sum = 0.0;
    foreach (var value in close)
    {
        sum += value;
    }

    return sum;
}
