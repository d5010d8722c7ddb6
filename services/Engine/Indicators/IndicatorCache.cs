using System.Collections.Concurrent;
using Platform.Engine.Data;

namespace Platform.Engine.Indicators;

/// <summary>
/// Indicator series of one candle series, each computed once and shared, so a grid of 100
/// SMA-crossover combinations computes only its distinct SMA periods. Safe for parallel readers.
/// </summary>
internal sealed class IndicatorCache(CandleSeries candles)
{
    private readonly ConcurrentDictionary<IndicatorKey, Lazy<double[]>> series = new();

    public CandleSeries Candles => candles;

    public double[] Sma(int period) => Get(new(IndicatorKind.Sma, period), () => Indicators.Sma.Compute(candles.Close, period));

    public double[] Ema(int period) => Get(new(IndicatorKind.Ema, period), () => Indicators.Ema.Compute(candles.Close, period));

    public double[] Rsi(int period) => Get(new(IndicatorKind.Rsi, period), () => Indicators.Rsi.Compute(candles.Close, period));

    public double[] StdDev(int period) => Get(new(IndicatorKind.StdDev, period), () => RollingStdDev.Compute(candles.Close, period));

    public double[] Highest(int period) => Get(new(IndicatorKind.Highest, period), () => RollingExtremes.Highest(candles.High, period));

    public double[] Lowest(int period) => Get(new(IndicatorKind.Lowest, period), () => RollingExtremes.Lowest(candles.Low, period));

    public double[] Atr(int period) =>
        Get(new(IndicatorKind.Atr, period), () => Indicators.Atr.Compute(candles.High, candles.Low, candles.Close, period));

    public double[] MacdLine(int fast, int slow) => Get(new(IndicatorKind.MacdLine, fast, slow), () => Macd.Line(Ema(fast), Ema(slow)));

    public double[] MacdSignal(int fast, int slow, int signal) =>
        Get(new(IndicatorKind.MacdSignal, fast, slow, signal), () => Indicators.Ema.Compute(MacdLine(fast, slow), signal));

    private double[] Get(IndicatorKey key, Func<double[]> compute) =>
        series.GetOrAdd(key, _ => new Lazy<double[]>(compute)).Value;

    private enum IndicatorKind
    {
        Sma,
        Ema,
        Rsi,
        StdDev,
        Highest,
        Lowest,
        MacdLine,
        MacdSignal,
        Atr,
    }

    private readonly record struct IndicatorKey(IndicatorKind Kind, int First, int Second = 0, int Third = 0);
}
