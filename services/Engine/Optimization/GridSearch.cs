using Platform.Engine.Backtesting;
using Platform.Engine.Data;
using Platform.Engine.Filters;
using Platform.Engine.Indicators;
using Platform.Engine.Strategies;

namespace Platform.Engine.Optimization;

/// <summary>
/// Evaluates many parameter combinations on one series in parallel. Indicator series are shared
/// between combinations (ten fast × ten slow SMAs compute twenty SMAs, not two hundred), each
/// worker reuses its own signal and equity buffers, and results keep the input order.
/// </summary>
public static class GridSearch
{
    /// <exception cref="OperationCanceledException">The token was cancelled; it is checked between combinations.</exception>
    public static IReadOnlyList<GridResult> Run(
        CandleSeries candles,
        IReadOnlyList<StrategySpec> combinations,
        BacktestSettings settings,
        GridOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        options ??= new GridOptions();
        Backtester.EnsureValid(candles, settings, options.Filters);
        var indicators = new IndicatorCache(candles);
        var permits = EntryPermits.Compute(candles, options.Filters);
        var results = new GridResult[combinations.Count];
        var parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = Math.Max(1, options.MaxDegreeOfParallelism),
            CancellationToken = cancellationToken,
        };

        // One workspace per worker for the whole grid: each worker takes the next combination until none is left, so the
        // buffers are allocated once per worker, never per combination (Parallel.For's own partitions come and go).
        var next = -1;
        Parallel.For(0, Math.Min(parallel.MaxDegreeOfParallelism, combinations.Count), parallel, _ =>
        {
            var workspace = new Workspace(candles.Count);
            int index;
            while ((index = Interlocked.Increment(ref next)) < combinations.Count)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var strategy = combinations[index];
                var rules = strategy.Bind();
                var managed = rules.Management.ApplyTo(settings);
                workspace.Trades.Clear();
                var metrics = Backtester.Evaluate(
                    indicators, rules.Signals, managed, permits, workspace.Signals, workspace.Equity, workspace.Trades);
                results[index] = new GridResult(strategy, metrics, candles, managed, options.Filters)
                {
                    PeriodReturns = options.ReturnPeriods > 0
                        ? GridResult.ReturnsOver(workspace.Equity, managed.InitialCapital, Math.Min(options.ReturnPeriods, candles.Count))
                        : null,
                };
            }
        });
        return results;
    }

    private sealed class Workspace(int bars)
    {
        public byte[] Signals { get; } = new byte[bars];

        public double[] Equity { get; } = GC.AllocateUninitializedArray<double>(bars);

        public List<Trade> Trades { get; } = [];
    }
}
