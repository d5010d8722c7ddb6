namespace Platform.Engine.Indicators;

/// <summary>MACD line = EMA(fast) − EMA(slow); its signal line is an EMA of the MACD line.</summary>
public static class Macd
{
    /// <summary>Leading NaN bars of the MACD line for a source without NaNs: the slower EMA's warm-up.</summary>
    public static int WarmUp(int fast, int slow) => Math.Max(Ema.WarmUp(fast), Ema.WarmUp(slow));

    /// <summary>Leading NaN bars of the signal line: the EMA of the line starts where the line does.</summary>
    public static int SignalWarmUp(int fast, int slow, int signal) =>
        WarmUp(fast, slow) + Ema.WarmUp(signal);

    public static double[] Line(ReadOnlySpan<double> fastEma, ReadOnlySpan<double> slowEma)
    {
        var result = GC.AllocateUninitializedArray<double>(fastEma.Length);
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = fastEma[i] - slowEma[i];
        }

        return result;
    }
}
