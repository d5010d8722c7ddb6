using Platform.Engine.Indicators;
using Platform.Engine.Tests.Support;

namespace Platform.Engine.Tests.Indicators;

/// <summary>Windows without movement, where a formula would divide by zero, give their documented values.</summary>
public sealed class FlatRangesHaveDefinedValues
{
    private const double NaN = double.NaN;

    // A random walk that then stays at a price no binary fraction represents for 40 bars, starting
    // off the 20-bar rhythm at which the rolling deviation rebuilds its sums, so those sums round.
    private static readonly double[] MovesThenFlat =
    [
        .. Bars.RandomWalk(103, seed: 31).Close.ToArray(),
        .. Enumerable.Repeat(123.456789, 40),
    ];

    [Fact]
    public void StochasticIsFiftyWhenTheHighestHighIsTheLowestLow()
    {
        double[] flat = [5, 5, 5, 5];

        var lines = Stochastic.Compute(flat, flat, flat, 2, 1, 2);

        SeriesAssert.Close([NaN, 50, 50, 50], lines.K);
        SeriesAssert.Close([NaN, NaN, 50, 50], lines.D);
    }

    [Fact]
    public void DeviationIsExactlyZeroOnceTheWindowIsFlat()
    {
        var deviation = RollingStdDev.Compute(MovesThenFlat, 20);

        Assert.All(deviation[122..], v => Assert.Equal(0, v));
        Assert.All(deviation[19..122], v => Assert.True(v > 0));
    }

    [Fact]
    public void ZScoreIsNaNWhenTheWindowIsFlat()
    {
        var z = ZScore.Compute(MovesThenFlat, 20);

        Assert.All(z[122..], v => Assert.True(double.IsNaN(v)));
        Assert.All(z[19..122], v => Assert.False(double.IsNaN(v)));
    }

    [Fact]
    public void PercentBIsNaNWhenTheBandHasNoWidth()
    {
        var bands = Bollinger.Compute(MovesThenFlat, 20, 2);

        Assert.All(bands.PercentB[122..], v => Assert.True(double.IsNaN(v)));
        Assert.All(bands.PercentB[19..122], v => Assert.False(double.IsNaN(v)));
        Assert.Equal(bands.Upper[122..], bands.Lower[122..]);
    }

    [Fact]
    public void AdxIsZeroWithoutDirectionalMovement()
    {
        double[] flat = [5, 5, 5, 5, 5];

        var lines = Adx.Compute(flat, flat, flat, 2);

        SeriesAssert.Close([NaN, NaN, 0, 0, 0], lines.PlusDi);
        SeriesAssert.Close([NaN, NaN, 0, 0, 0], lines.MinusDi);
        SeriesAssert.Close([NaN, NaN, NaN, 0, 0], lines.Adx);
    }

    [Fact]
    public void RateOfChangeIsNaNFromZero()
    {
        // Period 1 over 0, 5, 10: from 0 there is no proportion; then 100 · (10 − 5) / 5 = 100.
        SeriesAssert.Close([NaN, NaN, 100], RateOfChange.Compute([0.0, 5, 10], 1));
    }

    [Fact]
    public void VwapIsTheTypicalPriceUntilTheSessionTrades()
    {
        // Typical prices 3, 6, 9 with volumes 0, 2, 0: no volume yet gives the bar's own 3; then 6 · 2 / 2 = 6;
        // a quiet bar after the session has traded keeps the session's average 6, not its own 9.
        long[] time = [0, 60_000, 120_000];
        double[] high = [4, 7, 10],
            low = [2, 5, 8],
            close = [3, 6, 9],
            volume = [0, 2, 0];

        SeriesAssert.Close([3, 6, 6], Vwap.Compute(time, high, low, close, volume));
    }
}
