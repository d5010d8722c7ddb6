using Platform.Engine.Data;
using Platform.Engine.Tests.Support;

namespace Platform.Engine.Tests.Data;

public sealed class ResamplerExposesOnlyClosedCandles
{
    private static readonly Interval FiveMinutes = Interval.Parse("5");

    [Fact]
    public void AggregatesOpenHighLowCloseAndVolume()
    {
        var rows = Enumerable.Range(0, 10).Select(i => (10.0 + i, 12.0 + i + (i == 2 ? 5 : 0), 9.0 + i - (i == 7 ? 4 : 0), 10.5 + i)).ToArray();
        var resampled = Resampler.Resample(Bars.Of(rows), FiveMinutes);
        var candles = resampled.Candles;

        Assert.Equal(2, candles.Count);
        Assert.Equal(FiveMinutes, candles.Interval);
        Assert.Equal([Bars.Start, Bars.Start + 300_000], candles.OpenTime.ToArray());
        Assert.Equal([10, 15], candles.Open.ToArray());
        Assert.Equal([19, 21], candles.High.ToArray());
        Assert.Equal([9, 12], candles.Low.ToArray());
        Assert.Equal([14.5, 19.5], candles.Close.ToArray());
        Assert.Equal([5, 5], candles.Volume.ToArray());
    }

    [Fact]
    public void MapsEachBarToTheLastCandleClosedAtItsClose()
    {
        var resampled = Resampler.Resample(Bars.RandomWalk(12, seed: 1), FiveMinutes);

        // Bar 4 closes at minute 5, exactly when the first five-minute candle closes.
        Assert.Equal([-1, -1, -1, -1, 0, 0, 0, 0, 0, 1, 1, 1], resampled.LastClosedIndex);
        Assert.Equal(2, resampled.Candles.Count);
    }

    [Fact]
    public void LeavesOutTheUnfinishedLastCandle()
    {
        var resampled = Resampler.Resample(Bars.RandomWalk(7, seed: 2), FiveMinutes);
        Assert.Equal(1, resampled.Candles.Count);
        Assert.Equal(0, resampled.LastClosedIndex[^1]);
    }

    [Fact]
    public void ACandleMissingItsLastBarsClosesWhenLaterDataArrives()
    {
        var row = (10.0, 11.0, 9.0, 10.0);
        long[] minutes = [0, 1, 2, 7, 8, 9];
        var series = Bars.Create(Bars.Minute, [.. minutes.Select(m => Bars.Start + m * 60_000)], [.. minutes.Select(_ => row)]);

        var resampled = Resampler.Resample(series, FiveMinutes);

        Assert.Equal([-1, -1, -1, 0, 0, 1], resampled.LastClosedIndex);
        Assert.Equal(2, resampled.Candles.Count);
        Assert.Equal(3, resampled.Candles.Volume[0]);
    }

    [Fact]
    public void DailyBarsGroupIntoMondayWeeks()
    {
        // 2024-01-01 is a Monday: ten days give one closed week and three days of an open one.
        var resampled = Resampler.Resample(Bars.RandomWalk(10, seed: 3, Interval.Parse("D")), Interval.Parse("W"));

        Assert.Equal(1, resampled.Candles.Count);
        Assert.Equal(Bars.Start, resampled.Candles.OpenTime[0]);
        Assert.Equal(6, Array.IndexOf(resampled.LastClosedIndex, 0));
    }

    [Fact]
    public void DailyBarsGroupIntoCalendarMonths()
    {
        var days = Bars.RandomWalk(59, seed: 4, Interval.Parse("D"));
        var resampled = Resampler.Resample(days, Interval.Parse("M"));

        Assert.Equal(1, resampled.Candles.Count);
        Assert.Equal(days.Open[0], resampled.Candles.Open[0]);
        Assert.Equal(days.Close[30], resampled.Candles.Close[0]);
        Assert.Equal(30, Array.IndexOf(resampled.LastClosedIndex, 0));
    }

    [Theory]
    [InlineData("1", "1")]
    [InlineData("5", "1")]
    [InlineData("240", "360")]
    public void RefusesIntervalsThatDoNotNest(string source, string target) =>
        Assert.StartsWith(
            $"cannot resample {source} to {target}",
            Assert.Throws<ArgumentException>(() => Resampler.Resample(Bars.RandomWalk(10, 5, Interval.Parse(source)), Interval.Parse(target))).Message);
}
