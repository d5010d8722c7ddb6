using Platform.Engine.Data;
using Platform.Engine.Tests.Support;

namespace Platform.Engine.Tests.Data;

public sealed class CandleSeriesRejectsTheFirstInvalidRow
{
    private static InvalidCandle? ErrorFor(Action<long[], double[], double[], double[], double[], double[]> corrupt)
    {
        long[] time = [Bars.Start, Bars.Start + 60_000, Bars.Start + 120_000];
        double[] open = [10, 10, 10], high = [11, 11, 11], low = [9, 9, 9], close = [10.5, 10.5, 10.5], volume = [1, 1, 1];
        corrupt(time, open, high, low, close, volume);
        return CandleSeries.Create(Bars.Minute, time, open, high, low, close, volume).Error;
    }

    [Fact]
    public void AcceptsValidRowsAndCopiesThem()
    {
        double[] close = [10.5];
        var result = CandleSeries.Create(Bars.Minute, [Bars.Start], [10], [11], [9], close, [0]);
        close[0] = 99;

        Assert.True(result.IsValid);
        Assert.Null(result.Error);
        Assert.Equal(10.5, result.Series!.Close[0]);
        Assert.Equal(1, result.Series.Count);
        Assert.Equal(0, result.Series.Volume[0]);
        Assert.Equal(Bars.Minute, result.Series.Interval);
    }

    [Fact]
    public void AcceptsAnEmptySeries() =>
        Assert.Equal(0, CandleSeries.Create(Bars.Minute, [], [], [], [], [], []).Series!.Count);

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void RejectsColumnsOfDifferentLengths(int shortColumn)
    {
        double[][] columns = [[10], [11], [9], [10], [1]];
        columns[shortColumn] = [];
        var result = CandleSeries.Create(Bars.Minute, [Bars.Start], columns[0], columns[1], columns[2], columns[3], columns[4]);
        Assert.False(result.IsValid);
        Assert.Equal(new InvalidCandle(-1, "length", "all columns must have the same length"), result.Error);
    }

    [Fact]
    public void RejectsTimesThatDoNotIncrease() =>
        Assert.Equal(new InvalidCandle(2, "open_time", "must be strictly greater than the previous row's"), ErrorFor((t, _, _, _, _, _) => t[2] = t[1]));

    [Fact]
    public void RejectsTimesOffTheIntervalGrid() =>
        Assert.Equal(new InvalidCandle(1, "open_time", "is not aligned to interval 1"), ErrorFor((t, _, _, _, _, _) => t[1] += 1));

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(0)]
    [InlineData(-1)]
    public void RejectsPricesThatAreNotFinitePositiveNumbers(double bad)
    {
        Assert.Equal(new InvalidCandle(1, "open", "must be a finite positive number"), ErrorFor((_, o, _, _, _, _) => o[1] = bad));
        Assert.Equal("high", ErrorFor((_, _, h, _, _, _) => h[2] = bad)!.Field);
        Assert.Equal("low", ErrorFor((_, _, _, l, _, _) => l[0] = bad)!.Field);
        Assert.Equal("close", ErrorFor((_, _, _, _, c, _) => c[1] = bad)!.Field);
    }

    [Fact]
    public void RejectsHighBelowOpenOrClose()
    {
        Assert.Equal(new InvalidCandle(0, "high", "must be at least max(open, close)"), ErrorFor((_, _, h, _, _, _) => h[0] = 10.4));
        Assert.Null(ErrorFor((_, _, h, _, _, _) => h[0] = 10.5));
    }

    [Fact]
    public void RejectsLowAboveOpenOrClose()
    {
        Assert.Equal(new InvalidCandle(1, "low", "must be at most min(open, close)"), ErrorFor((_, _, _, l, _, _) => l[1] = 10.01));
        Assert.Null(ErrorFor((_, _, _, l, _, _) => l[1] = 10));
    }

    [Theory]
    [InlineData(-0.001)]
    [InlineData(double.NaN)]
    public void RejectsNegativeOrMissingVolume(double bad) =>
        Assert.Equal(new InvalidCandle(2, "volume", "must be a finite number >= 0"), ErrorFor((_, _, _, _, _, v) => v[2] = bad));

    [Fact]
    public void HashesContentOnce()
    {
        var a = Bars.Flat(1, 2, 3);
        Assert.Equal(a.ContentHash, Bars.Flat(1, 2, 3).ContentHash);
        Assert.NotEqual(a.ContentHash, Bars.Flat(1, 2, 3.0000001).ContentHash);
        Assert.Equal(64, a.ContentHash.Length);
        Assert.NotEqual(a.ContentHash, Bars.Of(Interval.Parse("3"), Bars.Rows(a)).ContentHash);
        Assert.NotEqual(a.ContentHash, Bars.Create(Bars.Minute, [.. a.OpenTime.ToArray().Select(t => t + 60_000)], Bars.Rows(a)).ContentHash);
        Assert.Same(a.ContentHash, a.ContentHash);
    }
}
