namespace Platform.Engine.Indicators;

/// <summary>
/// Wilder's directional movement system. From the second bar: up = high − previous high,
/// down = previous low − low; +DM = up when up &gt; down and up &gt; 0, else 0; −DM likewise.
/// True range, +DM and −DM are Wilder-smoothed over <c>period</c> bars (seeded with the mean of
/// the first <c>period</c>), +DI = 100 × smoothed +DM / smoothed TR (0 when the range is 0),
/// DX = 100 × |+DI − −DI| / (+DI + −DI) (0 when both are 0: no direction), and ADX is DX
/// Wilder-smoothed, seeded with the mean of the first <c>period</c> DX values. Bars before all
/// three inputs are past their leading NaNs are skipped.
/// </summary>
public static class Adx
{
    /// <summary>Leading NaN bars of +DI and −DI for inputs without NaNs: <c>period</c> movements need one bar more.</summary>
    public static int DirectionalWarmUp(int period) => period;

    /// <summary>Leading NaN bars of ADX for inputs without NaNs: the DI warm-up, then <c>period</c> DX values.</summary>
    public static int WarmUp(int period) => 2 * period - 1;

    public static void Compute(
        ReadOnlySpan<double> high,
        ReadOnlySpan<double> low,
        ReadOnlySpan<double> close,
        int period,
        Span<double> plusDi,
        Span<double> minusDi,
        Span<double> adx
    )
    {
        Guard.Period(period);
        Guard.Length(low.Length, high.Length);
        Guard.Length(close.Length, high.Length);
        Guard.Length(plusDi.Length, high.Length);
        Guard.Length(minusDi.Length, high.Length);
        Guard.Length(adx.Length, high.Length);
        var first = Guard.FirstValid(high, low, close);
        plusDi[..first].Fill(double.NaN);
        minusDi[..first].Fill(double.NaN);
        adx[..first].Fill(double.NaN);
        ComputeValid(
            high[first..],
            low[first..],
            close[first..],
            period,
            plusDi[first..],
            minusDi[first..],
            adx[first..]
        );
    }

    public static AdxLines Compute(
        ReadOnlySpan<double> high,
        ReadOnlySpan<double> low,
        ReadOnlySpan<double> close,
        int period
    )
    {
        var lines = new AdxLines(
            GC.AllocateUninitializedArray<double>(high.Length),
            GC.AllocateUninitializedArray<double>(high.Length),
            GC.AllocateUninitializedArray<double>(high.Length)
        );
        Compute(high, low, close, period, lines.PlusDi, lines.MinusDi, lines.Adx);
        return lines;
    }

    private static void ComputeValid(
        ReadOnlySpan<double> high,
        ReadOnlySpan<double> low,
        ReadOnlySpan<double> close,
        int period,
        Span<double> plusDi,
        Span<double> minusDi,
        Span<double> adx
    )
    {
        var length = high.Length;
        plusDi[..Math.Min(length, DirectionalWarmUp(period))].Fill(double.NaN);
        minusDi[..Math.Min(length, DirectionalWarmUp(period))].Fill(double.NaN);
        adx[..Math.Min(length, WarmUp(period))].Fill(double.NaN);
        double range = 0,
            plus = 0,
            minus = 0,
            dxSum = 0,
            average = 0;
        for (var i = 1; i < length; i++)
        {
            var up = high[i] - high[i - 1];
            var down = low[i - 1] - low[i];
            var plusMove = up > down && up > 0 ? up : 0;
            var minusMove = down > up && down > 0 ? down : 0;
            var trueRange = Atr.TrueRange(high, low, close, i);
            if (i < period)
            {
                range += trueRange;
                plus += plusMove;
                minus += minusMove;
                continue;
            }

            if (i == period)
            {
                range = (range + trueRange) / period;
                plus = (plus + plusMove) / period;
                minus = (minus + minusMove) / period;
            }
            else
            {
                range = Wilder.Smooth(range, trueRange, period);
                plus = Wilder.Smooth(plus, plusMove, period);
                minus = Wilder.Smooth(minus, minusMove, period);
            }

            plusDi[i] = range == 0 ? 0 : 100 * plus / range;
            minusDi[i] = range == 0 ? 0 : 100 * minus / range;
            var total = plusDi[i] + minusDi[i];
            var dx = total == 0 ? 0 : 100 * Math.Abs(plusDi[i] - minusDi[i]) / total;
            if (i < WarmUp(period))
            {
                dxSum += dx;
            }
            else
            {
                average =
                    i == WarmUp(period)
                        ? (dxSum + dx) / period
                        : Wilder.Smooth(average, dx, period);
                adx[i] = average;
            }
        }
    }
}

public sealed record AdxLines(double[] PlusDi, double[] MinusDi, double[] Adx);
