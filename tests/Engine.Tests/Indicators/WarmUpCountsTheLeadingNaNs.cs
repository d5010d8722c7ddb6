using Platform.Engine.Indicators;
using Platform.Engine.Tests.Support;

namespace Platform.Engine.Tests.Indicators;

/// <summary>
/// Each indicator's <c>WarmUp</c> is exactly the number of leading NaN bars on inputs without NaNs,
/// and leading NaNs in the inputs only delay the result, bar for bar.
/// </summary>
public sealed class WarmUpCountsTheLeadingNaNs
{
    private const int Delay = 7;

    private static readonly double[] High = Bars.RandomWalk(600, seed: 21).High.ToArray();
    private static readonly double[] Low = Bars.RandomWalk(600, seed: 21).Low.ToArray();
    private static readonly double[] Close = Bars.RandomWalk(600, seed: 21).Close.ToArray();

    private static readonly string[] Indicators =
    [
        "sma",
        "ema",
        "wma",
        "rsi",
        "stddev",
        "highest",
        "lowest",
        "roc",
        "zscore",
        "bollinger.middle",
        "bollinger.upper",
        "bollinger.lower",
        "bollinger.percent_b",
        "atr",
        "adx.plus_di",
        "adx.minus_di",
        "adx",
        "stochastic.k",
        "stochastic.d",
        "macd",
        "macd.signal",
    ];

    private static readonly int[] Periods = [1, 2, 3, 14, 299, 300, 301, 600, 601];

    public static TheoryData<string, int> Cases
    {
        get
        {
            var cases = new TheoryData<string, int>();
            foreach (var indicator in Indicators)
            {
                // A deviation over one bar is always 0, so z-score and Bollinger start at 2.
                var periods =
                    indicator.StartsWith("zscore") || indicator.StartsWith("bollinger")
                        ? Periods[1..]
                        : Periods;
                foreach (var period in periods)
                {
                    cases.Add(indicator, period);
                }
            }

            return cases;
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void LeadingNaNsAreExactlyTheWarmUp(string indicator, int period)
    {
        var (series, warmUp) = Run(indicator, period, High, Low, Close);

        var leading = Math.Min(warmUp, series.Length);
        Assert.All(series[..leading], v => Assert.True(double.IsNaN(v)));
        Assert.All(series[leading..], v => Assert.False(double.IsNaN(v)));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void LeadingNaNsInTheInputsDelayTheResult(string indicator, int period)
    {
        // Single-source indicators read a close that is NaN for Delay bars. The others get a high that
        // is NaN for Delay bars and a close that is NaN for fewer: the result waits for the later one.
        var candles =
            indicator.StartsWith("atr")
            || indicator.StartsWith("adx")
            || indicator.StartsWith("stochastic");
        double[] high = [.. Enumerable.Repeat(double.NaN, Delay), .. High];
        double[] low = [.. Low[..Delay], .. Low];
        double[] close = candles
            ? [.. Enumerable.Repeat(double.NaN, Delay - 3), .. Close[..3], .. Close]
            : [.. Enumerable.Repeat(double.NaN, Delay), .. Close];

        var (delayed, _) = Run(indicator, period, high, low, close);
        var (undelayed, _) = Run(indicator, period, High, Low, Close);

        double[] expected = [.. Enumerable.Repeat(double.NaN, Delay), .. undelayed];
        Assert.Equal(expected, delayed);
    }

    [Fact]
    public void VwapHasNoWarmUp()
    {
        var candles = Bars.RandomWalk(100, seed: 22);

        var vwap = Vwap.Compute(
            candles.OpenTime,
            candles.High,
            candles.Low,
            candles.Close,
            candles.Volume
        );

        Assert.Equal(0, Vwap.WarmUp());
        Assert.All(vwap, v => Assert.False(double.IsNaN(v)));
    }

    /// <summary>The named series and its declared warm-up; single-source indicators read the close.</summary>
    private static (double[] Series, int WarmUp) Run(
        string indicator,
        int period,
        double[] high,
        double[] low,
        double[] close
    ) =>
        indicator switch
        {
            "sma" => (Sma.Compute(close, period), Sma.WarmUp(period)),
            "ema" => (Ema.Compute(close, period), Ema.WarmUp(period)),
            "wma" => (Wma.Compute(close, period), Wma.WarmUp(period)),
            "rsi" => (Rsi.Compute(close, period), Rsi.WarmUp(period)),
            "stddev" => (RollingStdDev.Compute(close, period), RollingStdDev.WarmUp(period)),
            "highest" => (RollingExtremes.Highest(close, period), RollingExtremes.WarmUp(period)),
            "lowest" => (RollingExtremes.Lowest(close, period), RollingExtremes.WarmUp(period)),
            "roc" => (RateOfChange.Compute(close, period), RateOfChange.WarmUp(period)),
            "zscore" => (ZScore.Compute(close, period), ZScore.WarmUp(period)),
            "bollinger.middle" => (
                Bollinger.Compute(close, period, 2).Middle,
                Bollinger.WarmUp(period)
            ),
            "bollinger.upper" => (
                Bollinger.Compute(close, period, 2).Upper,
                Bollinger.WarmUp(period)
            ),
            "bollinger.lower" => (
                Bollinger.Compute(close, period, 2).Lower,
                Bollinger.WarmUp(period)
            ),
            "bollinger.percent_b" => (
                Bollinger.Compute(close, period, 2).PercentB,
                Bollinger.WarmUp(period)
            ),
            "atr" => (Atr.Compute(high, low, close, period), Atr.WarmUp(period)),
            "adx.plus_di" => (
                Adx.Compute(high, low, close, period).PlusDi,
                Adx.DirectionalWarmUp(period)
            ),
            "adx.minus_di" => (
                Adx.Compute(high, low, close, period).MinusDi,
                Adx.DirectionalWarmUp(period)
            ),
            "adx" => (Adx.Compute(high, low, close, period).Adx, Adx.WarmUp(period)),
            "stochastic.k" => (
                Stochastic.Compute(high, low, close, period, 3, 5).K,
                Stochastic.KWarmUp(period, 3)
            ),
            "stochastic.d" => (
                Stochastic.Compute(high, low, close, period, 3, 5).D,
                Stochastic.DWarmUp(period, 3, 5)
            ),
            "macd" => (MacdLine(close, period), Macd.WarmUp(2 * period, period)),
            "macd.signal" => (
                Ema.Compute(MacdLine(close, period), 9),
                Macd.SignalWarmUp(2 * period, period, 9)
            ),
            _ => throw new ArgumentOutOfRangeException(nameof(indicator), indicator, null),
        };

    /// <summary>A MACD line whose fast EMA is the slower one, to check the warm-up takes the larger period.</summary>
    private static double[] MacdLine(double[] close, int period) =>
        Macd.Line(Ema.Compute(close, 2 * period), Ema.Compute(close, period));
}
