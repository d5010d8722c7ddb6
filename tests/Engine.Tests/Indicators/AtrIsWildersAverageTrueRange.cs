using Platform.Engine.Indicators;
using Platform.Engine.Tests.Support;

namespace Platform.Engine.Tests.Indicators;

public sealed class AtrIsWildersAverageTrueRange
{
    // True ranges: 102 − 98 = 4; max(103 − 99, |103 − 100|, |99 − 100|) = 4; max(10, |110 − 102|, |100 − 102|) = 10;
    // max(8, |109 − 108|, |101 − 108|) = 8.
    private static readonly double[] High = [102, 103, 110, 109];
    private static readonly double[] Low = [98, 99, 100, 101];
    private static readonly double[] Close = [100, 102, 108, 103];

    [Fact]
    public void IsSeededWithTheMeanTrueRangeThenSmoothed()
    {
        // Period 2: seed (4 + 4) / 2 = 4 at index 1, then (4 + 10) / 2 = 7, (7 + 8) / 2 = 7.5.
        Assert.Equal([double.NaN, 4, 7, 7.5], Atr.Compute(High, Low, Close, 2));

        // Period 3: seed (4 + 4 + 10) / 3 = 6 at index 2, then (6 × 2 + 8) / 3.
        Assert.Equal([double.NaN, double.NaN, 6, 20.0 / 3], Atr.Compute(High, Low, Close, 3));
    }

    [Fact]
    public void PeriodOneIsTheTrueRange() => Assert.Equal([4.0, 4, 10, 8], Atr.Compute(High, Low, Close, 1));

    [Fact]
    public void IsNaNWhileTheSeriesIsShorterThanThePeriod() =>
        Assert.All(Atr.Compute(High, Low, Close, 5), value => Assert.True(double.IsNaN(value)));

    [Fact]
    public void TheCacheSharesOneSeriesPerPeriod()
    {
        var cache = new IndicatorCache(Bars.RandomWalk(50, seed: 3));
        Assert.Same(cache.Atr(14), cache.Atr(14));
        Assert.NotSame(cache.Atr(14), cache.Atr(7));
    }
}
