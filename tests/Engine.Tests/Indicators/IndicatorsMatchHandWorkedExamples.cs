using Platform.Engine.Indicators;
using Platform.Engine.Tests.Support;

namespace Platform.Engine.Tests.Indicators;

public sealed class IndicatorsMatchHandWorkedExamples
{
    private const double NaN = double.NaN;

    // Bars (high, low, close) shared by ATR and the stochastic:
    // 0: (10, 8, 9)   1: (12, 9, 11)   2: (13, 10, 12)   3: (12, 8, 9)
    private static readonly double[] High = [10, 12, 13, 12];
    private static readonly double[] Low = [8, 9, 10, 8];
    private static readonly double[] Close = [9, 11, 12, 9];

    [Fact]
    public void Wma()
    {
        // Weights 1, 2, 3 over 6: bar 2 (1·1 + 2·2 + 3·4) / 6 = 17/6; bar 3 (1·2 + 2·4 + 3·8) / 6 = 34/6.
        SeriesAssert.Close(
            [NaN, NaN, 17.0 / 6, 34.0 / 6],
            Platform.Engine.Indicators.Wma.Compute([1.0, 2, 4, 8], 3)
        );
    }

    [Fact]
    public void Atr()
    {
        // True ranges: bar 0 high − low = 2; bar 1 max(3, |12 − 9|, |9 − 9|) = 3;
        // bar 2 max(3, |13 − 11|, |10 − 11|) = 3; bar 3 max(4, |12 − 12|, |8 − 12|) = 4.
        // Period 2: seed (2 + 3) / 2 = 2.5, then (2.5 + 3) / 2 = 2.75, (2.75 + 4) / 2 = 3.375.
        SeriesAssert.Close(
            [NaN, 2.5, 2.75, 3.375],
            Platform.Engine.Indicators.Atr.Compute(High, Low, Close, 2)
        );
    }

    [Fact]
    public void Adx()
    {
        // Bars (high, low, close): (10, 8, 9) (12, 9, 11) (13, 10, 12) (12, 8, 9) (11, 7, 8), period 2.
        // Movements from bar 1: +DM 2, 1, 0, 0; −DM 0, 0, 2, 1; TR 3, 3, 4, 4.
        // Bar 2: TR (3 + 3) / 2 = 3, +DM 1.5, −DM 0 → +DI 50, −DI 0, DX 100.
        // Bar 3: TR (3 + 4) / 2 = 3.5, +DM 0.75, −DM 1 → +DI 150/7, −DI 200/7, DX 100 · (50/7) / (350/7) = 100/7;
        //        ADX = (100 + 100/7) / 2 = 400/7.
        // Bar 4: TR 3.75, +DM 0.375, −DM 1 → +DI 10, −DI 80/3, DX 100 · (50/3) / (110/3) = 500/11;
        //        ADX = (400/7 + 500/11) / 2 = 3950/77.
        double[] high = [10, 12, 13, 12, 11],
            low = [8, 9, 10, 8, 7],
            close = [9, 11, 12, 9, 8];

        var lines = Platform.Engine.Indicators.Adx.Compute(high, low, close, 2);

        SeriesAssert.Close([NaN, NaN, 50, 150.0 / 7, 10], lines.PlusDi);
        SeriesAssert.Close([NaN, NaN, 0, 200.0 / 7, 80.0 / 3], lines.MinusDi);
        SeriesAssert.Close([NaN, NaN, NaN, 400.0 / 7, 3950.0 / 77], lines.Adx);
    }

    [Fact]
    public void Stochastic()
    {
        // Period 3: bar 2 spans bars 0–2, highest 13, lowest 8: 100 · (12 − 8) / 5 = 80;
        // bar 3 spans bars 1–3, highest 13, lowest 8: 100 · (9 − 8) / 5 = 20. %D over 2: (80 + 20) / 2 = 50.
        var raw = Platform.Engine.Indicators.Stochastic.Compute(High, Low, Close, 3, 1, 2);
        // Smoothing %K over 2 bars gives that same 50 one bar later than raw %K.
        var smoothed = Platform.Engine.Indicators.Stochastic.Compute(High, Low, Close, 3, 2, 1);

        SeriesAssert.Close([NaN, NaN, 80, 20], raw.K);
        SeriesAssert.Close([NaN, NaN, NaN, 50], raw.D);
        SeriesAssert.Close([NaN, NaN, NaN, 50], smoothed.K);
        SeriesAssert.Close([NaN, NaN, NaN, 50], smoothed.D);
    }

    [Fact]
    public void VwapResetsAtUtcMidnight()
    {
        // 30-minute bars from 2024-01-01 23:00 UTC; typical prices 10, 12 | 20, 30, 24 with volumes 1, 3 | 0, 2, 1.
        // Day 1: 10; (10 + 36) / 4 = 11.5. Day 2 starts at 00:00 with no volume yet: its own typical price 20;
        // then (0 + 60) / 2 = 30 and (60 + 24) / 3 = 28. Without the reset bar 2 would have stayed at 11.5.
        var start = Bars.Start + 23 * 3_600_000L;
        long[] time = [.. Enumerable.Range(0, 5).Select(i => start + i * 30 * 60_000L)];
        double[] high = [12, 14, 21, 32, 25],
            low = [8, 10, 19, 28, 23],
            close = [10, 12, 20, 30, 24],
            volume = [1, 3, 0, 2, 1];

        SeriesAssert.Close([10, 11.5, 20, 30, 28], Vwap.Compute(time, high, low, close, volume));
    }

    [Fact]
    public void Bollinger()
    {
        // Period 2, 2 deviations over 1, 3, 3, 6:
        // bar 1: mean 2, deviation 1 → bands 4 and 0, %b (3 − 0) / 4 = 0.75;
        // bar 2: mean 3, deviation 0 → both bands 3, %b undefined;
        // bar 3: mean 4.5, deviation 1.5 → bands 7.5 and 1.5, %b (6 − 1.5) / 6 = 0.75.
        var bands = Platform.Engine.Indicators.Bollinger.Compute([1.0, 3, 3, 6], 2, 2);

        SeriesAssert.Close([NaN, 2, 3, 4.5], bands.Middle);
        SeriesAssert.Close([NaN, 4, 3, 7.5], bands.Upper);
        SeriesAssert.Close([NaN, 0, 3, 1.5], bands.Lower);
        SeriesAssert.Close([NaN, 0.75, NaN, 0.75], bands.PercentB);
    }

    [Fact]
    public void ZScore()
    {
        // Period 3 over 2, 4, 6, 6, 6:
        // bar 2: mean 4, variance (4 + 0 + 4) / 3 = 8/3 → z = 2 / √(8/3) = √1.5;
        // bar 3: mean 16/3, variance (16/9 + 4/9 + 4/9) / 3 = 8/9 → z = (2/3) / (2√2/3) = 1/√2;
        // bar 4: 6, 6, 6 has no deviation → undefined.
        SeriesAssert.Close(
            [NaN, NaN, Math.Sqrt(1.5), 1 / Math.Sqrt(2), NaN],
            Platform.Engine.Indicators.ZScore.Compute([2.0, 4, 6, 6, 6], 3)
        );
    }

    [Fact]
    public void RateOfChange()
    {
        // Period 2: bar 2 100 · (99 − 100) / 100 = −1; bar 3 100 · (121 − 110) / 110 = 10.
        SeriesAssert.Close(
            [NaN, NaN, -1, 10],
            Platform.Engine.Indicators.RateOfChange.Compute([100.0, 110, 99, 121], 2)
        );
    }

    [Fact]
    public void HighestAndLowestOfAnIndicatorWithWarmUp()
    {
        // Period 2 over NaN, 3, 1, 2: the window starts at the first value, so bar 1 is still warming up.
        double[] source = [NaN, 3, 1, 2];

        SeriesAssert.Close([NaN, NaN, 3, 2], RollingExtremes.Highest(source, 2));
        SeriesAssert.Close([NaN, NaN, 1, 1], RollingExtremes.Lowest(source, 2));
    }
}
