using System.Buffers;
using Platform.Engine.Data;
using Platform.Engine.Filters;
using Platform.Engine.Indicators;
using Platform.Engine.Metrics;
using Platform.Engine.Strategies;

namespace Platform.Engine.Backtesting;

/// <summary>Runs one strategy over one candle series; deterministic: the same input gives bit-identical output.</summary>
public static class Backtester
{
    /// <exception cref="EngineValidationException">The series is empty, or the settings or filters are invalid.</exception>
    public static BacktestResult Run(
        CandleSeries candles, StrategySpec strategy, BacktestSettings settings, IReadOnlyList<TrendFilter>? filters = null)
    {
        filters ??= [];
        var rules = strategy.Bind();
        settings = rules.Management.ApplyTo(settings);
        EnsureValid(candles, settings, filters);
        var n = candles.Count;
        var equity = GC.AllocateUninitializedArray<double>(n);
        var trades = new List<Trade>();
        var signals = ArrayPool<byte>.Shared.Rent(n);
        BacktestMetrics metrics;
        try
        {
            metrics = Evaluate(new IndicatorCache(candles), rules.Signals, settings, EntryPermits.Compute(candles, filters), signals.AsSpan(0, n), equity, trades);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(signals);
        }

        return new BacktestResult(
            strategy,
            settings,
            filters,
            trades,
            candles.OpenTimeArray,
            equity,
            metrics,
            Fingerprint.Compute(candles, strategy, settings, filters),
            candles.Gaps);
    }

    internal static void EnsureValid(CandleSeries candles, BacktestSettings settings, IReadOnlyList<TrendFilter> filters)
    {
        var errors = new SortedDictionary<string, string>(settings.Validate().ToDictionary(), StringComparer.Ordinal);
        foreach (var (field, message) in TrendFilter.Validate(filters, candles.Interval))
        {
            errors[field] = message;
        }

        if (candles.Count == 0)
        {
            errors["candles"] = "must contain at least one candle";
        }

        if (errors.Count > 0)
        {
            throw new EngineValidationException(errors);
        }
    }

    /// <summary>The single evaluation path shared by <see cref="Run"/> and the grid, so both give equal metrics.</summary>
    internal static BacktestMetrics Evaluate(
        IndicatorCache indicators,
        ISignalSource signalSource,
        BacktestSettings settings,
        byte[]? permits,
        Span<byte> signals,
        Span<double> equity,
        List<Trade> trades)
    {
        signalSource.Write(indicators, signals);
        Simulator.Run(indicators, settings, signals, permits, equity, trades);
        return MetricsCalculator.Compute(indicators.Candles, settings, equity, trades);
    }
}
