using Platform.Engine.Rules;
using Platform.Engine.Indicators;
using Platform.Engine.Tests.Support;

namespace Platform.Engine.Tests.Indicators;

public sealed class IndicatorsMatchNaiveRecomputation
{
    private static readonly double[] Close = Bars.RandomWalk(600, seed: 11).Close.ToArray();

    public static TheoryData<int> Periods => [1, 2, 3, 14, 50, 599, 600, 601];

    private static void AssertClose(double[] expected, double[] actual, double tolerance = 1e-9)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            if (double.IsNaN(expected[i]))
            {
                Assert.True(double.IsNaN(actual[i]), $"index {i}: expected NaN, got {actual[i]}");
            }
            else
            {
                Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance * Math.Max(1, Math.Abs(expected[i])), $"index {i}: {expected[i]} vs {actual[i]}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Periods))]
    public void Sma(int period) => AssertClose(Naive.Sma(Close, period), Platform.Engine.Indicators.Sma.Compute(Close, period));

    [Theory]
    [MemberData(nameof(Periods))]
    public void Ema(int period) => AssertClose(Naive.Ema(Close, period), Platform.Engine.Indicators.Ema.Compute(Close, period));

    [Theory]
    [MemberData(nameof(Periods))]
    public void StdDev(int period) => AssertClose(Naive.StdDev(Close, period), RollingStdDev.Compute(Close, period));

    [Theory]
    [MemberData(nameof(Periods))]
    public void Highest(int period) => AssertClose(Naive.Highest(Close, period), RollingExtremes.Highest(Close, period));

    [Theory]
    [MemberData(nameof(Periods))]
    public void Lowest(int period) => AssertClose(Naive.Lowest(Close, period), RollingExtremes.Lowest(Close, period));

    [Theory]
    [MemberData(nameof(Periods))]
    public void WilderRsi(int period) => AssertClose(Naive.Rsi(Close, period), Platform.Engine.Indicators.Rsi.Compute(Close, period));

    [Fact]
    public void MacdIsTheDifferenceOfEmasAndItsSignalAnEmaOfThat()
    {
        var series = Bars.RandomWalk(600, seed: 11);
        var macd = IndicatorTypes.ByName["macd"].Compute(new IndicatorInput(series, series.Close.ToArray()), [12, 26, 9]);
        var line = Naive.Ema(Close, 12).Zip(Naive.Ema(Close, 26), (f, s) => f - s).ToArray();

        AssertClose(line, macd[0]);
        AssertClose(Naive.Ema(line, 9), macd[1]);
        AssertClose(line.Zip(Naive.Ema(line, 9), (l, s) => l - s).ToArray(), macd[2]);
        Assert.True(double.IsNaN(macd[1][25 + 8 - 1]));
        Assert.False(double.IsNaN(macd[1][25 + 8]));
    }

    [Fact]
    public void AveragesSkipTheWarmUpOfTheirSource()
    {
        double[] source = [double.NaN, double.NaN, 1, 2, 3, 4];
        AssertClose([double.NaN, double.NaN, double.NaN, 1.5, 2.5, 3.5], Platform.Engine.Indicators.Sma.Compute(source, 2));
        AssertClose(Naive.Ema(source, 2), Platform.Engine.Indicators.Ema.Compute(source, 2));
        Assert.All(Platform.Engine.Indicators.Sma.Compute([double.NaN, double.NaN], 2), v => Assert.True(double.IsNaN(v)));
    }

    [Fact]
    public void RsiIsFiftyWhenNothingMovesAndHundredWithoutLosses()
    {
        Assert.Equal([double.NaN, double.NaN, 50, 50], Platform.Engine.Indicators.Rsi.Compute([5.0, 5, 5, 5], 2));
        Assert.Equal([double.NaN, double.NaN, 100, 100], Platform.Engine.Indicators.Rsi.Compute([1.0, 2, 3, 4], 2));
        Assert.Equal([double.NaN, double.NaN, 0, 0], Platform.Engine.Indicators.Rsi.Compute([4.0, 3, 2, 1], 2));
    }

    [Fact]
    public void StdDevStaysAccurateOverLongSeriesOfLargePrices()
    {
        var prices = Bars.RandomWalk(20_000, seed: 12, volatility: 0.0001).Close.ToArray().Select(p => p * 1_000).ToArray();
        var rolling = RollingStdDev.Compute(prices, 20);
        var expected = Naive.StdDev(prices[^40..], 20);

        AssertClose(expected[19..], rolling[^21..], 1e-7);
    }

    [Fact]
    public void RejectsPeriodsBelowOne()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Platform.Engine.Indicators.Sma.Compute(Close, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Platform.Engine.Indicators.Ema.Compute(Close, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Platform.Engine.Indicators.Rsi.Compute(Close, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => RollingStdDev.Compute(Close, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => RollingExtremes.Highest(Close, 0));
    }

    [Fact]
    public void SharesEachSeriesBetweenCallers()
    {
        var cache = new IndicatorCache(Bars.RandomWalk(100, seed: 13));
        var computed = 0;
        double[][] Compute()
        {
            computed++;
            return [new double[100]];
        }

        Assert.Same(cache.Named("sma(close;10)", Compute), cache.Named("sma(close;10)", Compute));
        Assert.NotSame(cache.Named("sma(close;10)", Compute), cache.Named("ema(close;10)", Compute));
        Assert.Equal(2, computed);
    }
}
