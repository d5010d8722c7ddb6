namespace Platform.Engine.Indicators;

/// <summary>MACD line = EMA(fast) − EMA(slow); its signal line is an EMA of the MACD line.</summary>
public static class Macd
{
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
