using System.Collections.Concurrent;
using Platform.Engine.Data;

namespace Platform.Engine.Indicators;

/// <summary>
/// Indicator series of one candle series, each computed once and shared under its canonical key, so a grid of 100
/// SMA-crossover combinations computes only its distinct SMA periods. Safe for parallel readers.
/// </summary>
internal sealed class IndicatorCache(CandleSeries candles)
{
    private readonly ConcurrentDictionary<string, Lazy<double[][]>> named = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Interval, Lazy<HigherTimeframe>> higher = new();

    public CandleSeries Candles => candles;

    /// <summary>
    /// The outputs of a series, keyed by its canonical text (<c>bollinger(close;20;2)</c>), computed from
    /// <paramref name="state"/> on first use. A series already computed costs a lookup and no allocation, so a grid's
    /// combinations read their shared series for nothing.
    /// </summary>
    public double[][] Named<TState>(string key, TState state, Func<TState, double[][]> compute) =>
        named.TryGetValue(key, out var known)
            ? known.Value
            : named.GetOrAdd(key, static (_, pending) => new Lazy<double[][]>(() => pending.compute(pending.state)), (compute, state)).Value;

    /// <summary>The closed candles of a higher interval, with their own cache, and the last one closed at each base bar.</summary>
    public HigherTimeframe Higher(Interval interval) =>
        higher.GetOrAdd(interval, target => new Lazy<HigherTimeframe>(() =>
        {
            var resampled = Resampler.Resample(candles, target);
            return new HigherTimeframe(new IndicatorCache(resampled.Candles), resampled.LastClosedIndex);
        })).Value;

    /// <summary>Wilder's ATR, under the key the rule language's <c>atr</c> indicator uses, so stops and rules share it.</summary>
    public double[] Atr(int period) =>
        Named($"atr(;{period})", (candles, period), static state => [Indicators.Atr.Compute(state.candles.High, state.candles.Low, state.candles.Close, state.period)])[0];

    public sealed record HigherTimeframe(IndicatorCache Cache, int[] LastClosedIndex);
}
