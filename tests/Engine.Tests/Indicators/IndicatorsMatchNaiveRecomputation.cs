using Platform.Engine.Data;
using Platform.Engine.Indicators;
using Platform.Engine.Rules;
using Platform.Engine.Tests.Support;

namespace Platform.Engine.Tests.Indicators;

public sealed class IndicatorsMatchNaiveRecomputation
{
    private static readonly CandleSeries Candles = Bars.RandomWalk(600, seed: 11);
    private static readonly double[] Close = Candles.Close.ToArray();
    private static readonly double[] High = Candles.High.ToArray();
    private static readonly double[] Low = Candles.Low.ToArray();

    public static TheoryData<int> Periods => [1, 2, 3, 14, 50, 599, 600, 601];

    public static TheoryData<int> DeviationPeriods => [2, 3, 14, 50, 599, 600, 601];

    public static TheoryData<int> AdxPeriods => [1, 2, 3, 14, 50, 299, 300, 301, 600, 601];

    public static TheoryData<int, int, int> StochasticPeriods =>
        new()
        {
            { 1, 1, 1 },
            { 14, 1, 3 },
            { 14, 3, 3 },
            { 5, 3, 1 },
            { 50, 10, 20 },
            { 598, 2, 1 },
            { 599, 1, 2 },
            { 600, 1, 1 },
            { 601, 1, 1 },
        };

    [Theory]
    [MemberData(nameof(Periods))]
    public void Sma(int period) =>
        SeriesAssert.Close(
            Naive.Sma(Close, period),
            Platform.Engine.Indicators.Sma.Compute(Close, period)
        );

    [Theory]
    [MemberData(nameof(Periods))]
    public void Ema(int period) =>
        SeriesAssert.Close(
            Naive.Ema(Close, period),
            Platform.Engine.Indicators.Ema.Compute(Close, period)
        );

    [Theory]
    [MemberData(nameof(Periods))]
    public void StdDev(int period) =>
        SeriesAssert.Close(Naive.StdDev(Close, period), RollingStdDev.Compute(Close, period));

    [Theory]
    [MemberData(nameof(Periods))]
    public void Highest(int period) =>
        SeriesAssert.Close(Naive.Highest(Close, period), RollingExtremes.Highest(Close, period));

    [Theory]
    [MemberData(nameof(Periods))]
    public void Lowest(int period) =>
        SeriesAssert.Close(Naive.Lowest(Close, period), RollingExtremes.Lowest(Close, period));

    [Theory]
    [MemberData(nameof(Periods))]
    public void WilderRsi(int period) =>
        SeriesAssert.Close(
            Naive.Rsi(Close, period),
            Platform.Engine.Indicators.Rsi.Compute(Close, period)
        );

    [Theory]
    [MemberData(nameof(Periods))]
    public void HighestAndLowestOfAnIndicator(int period)
    {
        var rsi = Naive.Rsi(Close, 14);

        SeriesAssert.Close(Naive.Highest(rsi, period), RollingExtremes.Highest(rsi, period));
        SeriesAssert.Close(Naive.Lowest(rsi, period), RollingExtremes.Lowest(rsi, period));
    }

    [Theory]
    [MemberData(nameof(Periods))]
    public void Wma(int period) =>
        SeriesAssert.Close(
            Naive.Wma(Close, period),
            Platform.Engine.Indicators.Wma.Compute(Close, period)
        );

    [Theory]
    [MemberData(nameof(Periods))]
    public void RateOfChange(int period) =>
        SeriesAssert.Close(
            Naive.RateOfChange(Close, period),
            Platform.Engine.Indicators.RateOfChange.Compute(Close, period)
        );

    [Theory]
    [MemberData(nameof(DeviationPeriods))]
    public void ZScore(int period) =>
        SeriesAssert.Close(
            Naive.ZScore(Close, period),
            Platform.Engine.Indicators.ZScore.Compute(Close, period)
        );

    [Theory]
    [MemberData(nameof(DeviationPeriods))]
    public void Bollinger(int period)
    {
        foreach (var deviations in new[] { 2, 0.5 })
        {
            var expected = Naive.Bollinger(Close, period, deviations);
            var actual = Platform.Engine.Indicators.Bollinger.Compute(Close, period, deviations);

            SeriesAssert.Close(expected.Middle, actual.Middle);
            SeriesAssert.Close(expected.Upper, actual.Upper);
            SeriesAssert.Close(expected.Lower, actual.Lower);
            SeriesAssert.Close(expected.PercentB, actual.PercentB);
        }
    }

    [Theory]
    [MemberData(nameof(Periods))]
    public void WilderAtr(int period) =>
        SeriesAssert.Close(
            Naive.Atr(High, Low, Close, period),
            Atr.Compute(High, Low, Close, period)
        );

    [Theory]
    [MemberData(nameof(AdxPeriods))]
    public void WilderAdx(int period)
    {
        var expected = Naive.Adx(High, Low, Close, period);
        var actual = Platform.Engine.Indicators.Adx.Compute(High, Low, Close, period);

        SeriesAssert.Close(expected.PlusDi, actual.PlusDi);
        SeriesAssert.Close(expected.MinusDi, actual.MinusDi);
        SeriesAssert.Close(expected.Adx, actual.Adx);
    }

    [Theory]
    [MemberData(nameof(StochasticPeriods))]
    public void Stochastic(int period, int smooth, int signal)
    {
        var expected = Naive.Stochastic(High, Low, Close, period, smooth, signal);
        var actual = Platform.Engine.Indicators.Stochastic.Compute(
            High,
            Low,
            Close,
            period,
            smooth,
            signal
        );

        SeriesAssert.Close(expected.K, actual.K);
        SeriesAssert.Close(expected.D, actual.D);
    }

    [Fact]
    public void VwapOverSeveralDaysWithQuietBars()
    {
        var candles = Bars.RandomWalk(600, seed: 14, Interval.Parse("15"));
        var random = new Random(15);
        double[] volume =
        [
            .. Enumerable
                .Range(0, 600)
                .Select(_ => random.NextDouble() < 0.3 ? 0 : random.NextDouble() * 1_000),
        ];
        long[] time = candles.OpenTime.ToArray();
        double[] high = candles.High.ToArray(),
            low = candles.Low.ToArray(),
            close = candles.Close.ToArray();

        SeriesAssert.Close(
            Naive.Vwap(time, high, low, close, volume),
            Vwap.Compute(time, high, low, close, volume)
        );
    }

    [Fact]
    public void MacdIsTheDifferenceOfEmasAndItsSignalAnEmaOfThat()
    {
        var series = Bars.RandomWalk(600, seed: 11);
        var macd = IndicatorTypes.ByName["macd"].Compute(new IndicatorInput(series, series.Close.ToArray()), [12, 26, 9]);
        var line = Naive.Ema(Close, 12).Zip(Naive.Ema(Close, 26), (f, s) => f - s).ToArray();

        SeriesAssert.Close(line, macd[0]);
        SeriesAssert.Close(Naive.Ema(line, 9), macd[1]);
        SeriesAssert.Close(line.Zip(Naive.Ema(line, 9), (l, s) => l - s).ToArray(), macd[2]);
        Assert.True(double.IsNaN(macd[1][25 + 8 - 1]));
        Assert.False(double.IsNaN(macd[1][25 + 8]));
    }

    [Fact]
    public void AveragesSkipTheWarmUpOfTheirSource()
    {
        double[] source = [double.NaN, double.NaN, 1, 2, 3, 4];
        SeriesAssert.Close(
            [double.NaN, double.NaN, double.NaN, 1.5, 2.5, 3.5],
            Platform.Engine.Indicators.Sma.Compute(source, 2)
        );
        SeriesAssert.Close(Naive.Ema(source, 2), Platform.Engine.Indicators.Ema.Compute(source, 2));
        Assert.All(
            Platform.Engine.Indicators.Sma.Compute([double.NaN, double.NaN], 2),
            v => Assert.True(double.IsNaN(v))
        );
    }

    [Fact]
    public void RsiIsFiftyWhenNothingMovesAndHundredWithoutLosses()
    {
        Assert.Equal(
            [double.NaN, double.NaN, 50, 50],
            Platform.Engine.Indicators.Rsi.Compute([5.0, 5, 5, 5], 2)
        );
        Assert.Equal(
            [double.NaN, double.NaN, 100, 100],
            Platform.Engine.Indicators.Rsi.Compute([1.0, 2, 3, 4], 2)
        );
        Assert.Equal(
            [double.NaN, double.NaN, 0, 0],
            Platform.Engine.Indicators.Rsi.Compute([4.0, 3, 2, 1], 2)
        );
    }

    [Fact]
    public void StdDevStaysAccurateOverLongSeriesOfLargePrices()
    {
        var prices = Bars.RandomWalk(20_000, seed: 12, volatility: 0.0001)
            .Close.ToArray()
            .Select(p => p * 1_000)
            .ToArray();
        var rolling = RollingStdDev.Compute(prices, 20);
        var expected = Naive.StdDev(prices[^40..], 20);

        SeriesAssert.Close(expected[19..], rolling[^21..], 1e-7);
    }

    [Fact]
    public void RejectsPeriodsBelowOneAndDeviationWindowsBelowTwo()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            Platform.Engine.Indicators.Sma.Compute(Close, 0)
        );
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            Platform.Engine.Indicators.Ema.Compute(Close, 0)
        );
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            Platform.Engine.Indicators.Rsi.Compute(Close, 0)
        );
        Assert.Throws<ArgumentOutOfRangeException>(() => RollingStdDev.Compute(Close, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => RollingExtremes.Highest(Close, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => RollingExtremes.Lowest(Close, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            Platform.Engine.Indicators.Wma.Compute(Close, 0)
        );
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            Platform.Engine.Indicators.RateOfChange.Compute(Close, 0)
        );
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            Platform.Engine.Indicators.ZScore.Compute(Close, 1)
        );
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            Platform.Engine.Indicators.Bollinger.Compute(Close, 1, 2)
        );
        Assert.Throws<ArgumentOutOfRangeException>(() => Atr.Compute(High, Low, Close, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            Platform.Engine.Indicators.Adx.Compute(High, Low, Close, 0)
        );
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            Platform.Engine.Indicators.Stochastic.Compute(High, Low, Close, 0, 1, 1)
        );
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            Platform.Engine.Indicators.Stochastic.Compute(High, Low, Close, 14, 0, 1)
        );
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            Platform.Engine.Indicators.Stochastic.Compute(High, Low, Close, 14, 1, 0)
        );
    }

    [Fact]
    public void RejectsBollingerDeviationsThatAreNotPositive()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            Platform.Engine.Indicators.Bollinger.Compute(Close, 20, 0)
        );
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            Platform.Engine.Indicators.Bollinger.Compute(Close, 20, -2)
        );
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            Platform.Engine.Indicators.Bollinger.Compute(Close, 20, double.NaN)
        );
    }

    [Fact]
    public void RejectsInputsAndDestinationsOfAnotherLength()
    {
        var shorter = Low[1..];
        var time = Candles.OpenTime.ToArray();
        var destination = new double[Close.Length];

        Assert.Throws<ArgumentException>(() => Atr.Compute(High, shorter, Close, 14));
        Assert.Throws<ArgumentException>(() => Atr.Compute(High, Low, shorter, 14));
        Assert.Throws<ArgumentException>(() =>
            Atr.Compute(High, Low, Close, 14, destination.AsSpan(1))
        );
        Assert.Throws<ArgumentException>(() =>
            Platform.Engine.Indicators.Adx.Compute(High, shorter, Close, 14)
        );
        Assert.Throws<ArgumentException>(() =>
            Platform.Engine.Indicators.Adx.Compute(
                High,
                Low,
                Close,
                14,
                destination,
                destination,
                destination.AsSpan(1)
            )
        );
        Assert.Throws<ArgumentException>(() =>
            Platform.Engine.Indicators.Stochastic.Compute(High, Low, shorter, 14, 1, 3)
        );
        Assert.Throws<ArgumentException>(() =>
            Platform.Engine.Indicators.Stochastic.Compute(
                High,
                Low,
                Close,
                14,
                1,
                3,
                destination,
                destination.AsSpan(1)
            )
        );
        Assert.Throws<ArgumentException>(() =>
            Platform.Engine.Indicators.Bollinger.Compute(
                Close,
                14,
                2,
                destination,
                destination,
                destination,
                destination.AsSpan(1)
            )
        );
        Assert.Throws<ArgumentException>(() => Vwap.Compute(time, High, Low, Close, shorter));
        Assert.Throws<ArgumentException>(() => Vwap.Compute(time[1..], High, Low, Close, Close));
        Assert.Throws<ArgumentException>(() =>
            Vwap.Compute(time, High, Low, Close, Close, destination.AsSpan(1))
        );
    }

    [Fact]
    public void SharesEachSeriesBetweenCallers()
    {
        var cache = new IndicatorCache(Bars.RandomWalk(100, seed: 13));
        var computed = new List<int>();
        double[][] Compute(int state)
        {
            computed.Add(state);
            return [new double[100]];
        }

        Assert.Same(cache.Named("sma(close;10)", 1, Compute), cache.Named("sma(close;10)", 2, Compute));
        Assert.NotSame(cache.Named("sma(close;10)", 3, Compute), cache.Named("ema(close;10)", 4, Compute));
        Assert.Equal([1, 4], computed);
    }
}
