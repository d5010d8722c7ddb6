using Platform.Engine.Data;
using Platform.Engine.Indicators;
using Platform.Engine.Strategies;

namespace Platform.Engine.Tests.Rules;

/// <summary>
/// The six strategies as they were written by hand before the rule language replaced them (one loop each, straight over
/// the indicator arrays): the reference the shipped rule documents are held to.
/// </summary>
internal static class HandWrittenSignals
{
    public static byte[] SmaCrossover(CandleSeries candles, int fast, int slow) =>
        Crosses(Sma.Compute(candles.Close, fast), Sma.Compute(candles.Close, slow));

    public static byte[] EmaCrossover(CandleSeries candles, int fast, int slow) =>
        Crosses(Ema.Compute(candles.Close, fast), Ema.Compute(candles.Close, slow));

    public static byte[] MacdCrossover(CandleSeries candles, int fast, int slow, int signal)
    {
        var line = Macd.Line(Ema.Compute(candles.Close, fast), Ema.Compute(candles.Close, slow));
        return Crosses(line, Ema.Compute(line, signal));
    }

    public static byte[] RsiMeanReversion(CandleSeries candles, int period, double oversold, double overbought)
    {
        var rsi = Rsi.Compute(candles.Close, period);
        var signals = new byte[rsi.Length];
        for (var i = 1; i < signals.Length; i++)
        {
            if (rsi[i] < oversold && rsi[i - 1] >= oversold)
            {
                signals[i] = Signal.GoLong;
            }
            else if (rsi[i] > overbought && rsi[i - 1] <= overbought)
            {
                signals[i] = Signal.GoShort;
            }
        }
        return signals;
    }

    public static byte[] BollingerReversion(CandleSeries candles, int period, double deviations, bool exitAtMiddle)
    {
        var close = candles.Close.ToArray();
        var middle = Sma.Compute(close, period);
        var deviation = RollingStdDev.Compute(close, period);
        var lower = new double[close.Length];
        var upper = new double[close.Length];
        for (var i = 0; i < close.Length; i++)
        {
            lower[i] = middle[i] - deviations * deviation[i];
            upper[i] = middle[i] + deviations * deviation[i];
        }
        var signals = new byte[close.Length];
        AddCrosses(close, lower, 0, exitAtMiddle ? Signal.EnterLong : Signal.GoLong, signals);
        AddCrosses(close, upper, exitAtMiddle ? Signal.EnterShort : Signal.GoShort, 0, signals);
        if (exitAtMiddle)
        {
            AddCrosses(close, middle, Signal.ExitLong, Signal.ExitShort, signals);
        }
        return signals;
    }

    public static byte[] DonchianBreakout(CandleSeries candles, int period)
    {
        var close = candles.Close;
        var highest = RollingExtremes.Highest(candles.High, period);
        var lowest = RollingExtremes.Lowest(candles.Low, period);
        var signals = new byte[close.Length];
        for (var i = 1; i < signals.Length; i++)
        {
            if (close[i] > highest[i - 1])
            {
                signals[i] = Signal.GoLong;
            }
            else if (close[i] < lowest[i - 1])
            {
                signals[i] = Signal.GoShort;
            }
        }
        return signals;
    }

    private static byte[] Crosses(double[] a, double[] b)
    {
        var signals = new byte[a.Length];
        AddCrosses(a, b, Signal.GoLong, Signal.GoShort, signals);
        return signals;
    }

    private static void AddCrosses(ReadOnlySpan<double> a, ReadOnlySpan<double> b, byte up, byte down, byte[] signals)
    {
        for (var i = 1; i < signals.Length; i++)
        {
            if (a[i] > b[i] && a[i - 1] <= b[i - 1])
            {
                signals[i] |= up;
            }
            else if (a[i] < b[i] && a[i - 1] >= b[i - 1])
            {
                signals[i] |= down;
            }
        }
    }
}
