using Platform.Engine.Charts;

namespace Platform.Engine.Tests.Charts;

public sealed class DownsamplerKeepsExtremes
{
    [Fact]
    public void ShortSeriesAreReturnedWhole()
    {
        var result = Downsampler.MinMax([1, 2, 3, 4], [5, 6, 7, 7], 4);
        Assert.Equal([1, 2, 3, 4], result.Time);
        Assert.Equal([5, 6, 7, 7], result.Values);
    }

    [Fact]
    public void KeepsFirstLastAndEachBucketsMinAndMaxInTimeOrder()
    {
        long[] time = [.. Enumerable.Range(0, 10).Select(i => (long)i)];
        double[] values = [5, 1, 9, 4, 4, 3, 8, 2, 7, 6];

        // Interior points 1..8 in three buckets: [1,3) → 1 and 9, [3,6) → 3 and 4, [6,9) → 2 and 8.
        var result = Downsampler.MinMax(time, values, 8);

        Assert.Equal([0, 1, 2, 3, 5, 6, 7, 9], result.Time);
        Assert.Equal([5, 1, 9, 4, 3, 8, 2, 6], result.Values);
    }

    [Fact]
    public void NeverLosesTheGlobalExtremesAndStaysWithinTheLimit()
    {
        var random = new Random(61);
        double[] values = [.. Enumerable.Range(0, 10_000).Select(_ => random.NextDouble())];
        long[] time = [.. Enumerable.Range(0, 10_000).Select(i => (long)i)];

        var result = Downsampler.MinMax(time, values, 501);

        Assert.True(result.Time.Length <= 501);
        Assert.Contains(values.Max(), result.Values);
        Assert.Contains(values.Min(), result.Values);
        Assert.Equal(result.Time.Order(), result.Time);
    }

    [Fact]
    public void FlatBucketsKeepOnePoint() =>
        Assert.Equal([0, 1, 5], Downsampler.MinMax([0, 1, 2, 3, 4, 5], [1, 1, 1, 1, 1, 1], 4).Time);

    [Fact]
    public void RejectsBadArguments()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Downsampler.MinMax([1], [1], 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => Downsampler.MinMax([1, 2], [1], 4));
    }
}
