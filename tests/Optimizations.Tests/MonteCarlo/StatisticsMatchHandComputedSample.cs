using Platform.Optimizations.MonteCarlo;

namespace Platform.Optimizations.Tests.MonteCarlo;

public sealed class StatisticsMatchHandComputedSample
{
    private static readonly double[] Odd = [1, 2, 3, 4, 10];
    private static readonly double[] Even = [10, 20, 30, 40];

    [Theory]
    [InlineData(0, 1)]
    [InlineData(5, 1.2)]
    [InlineData(25, 2)]
    [InlineData(50, 3)]
    [InlineData(75, 4)]
    [InlineData(95, 8.8)]
    [InlineData(100, 10)]
    public void PercentilesOfFiveValues(double percent, double expected)
    {
        // Rank h = 4 · p / 100; the 95th: h = 3.8, so 4 + 0.8 · (10 − 4) = 8.8 (numpy.percentile gives the same).
        Assert.Equal(expected, SortedSample.Percentile(Odd, percent), 12);
    }

    [Theory]
    [InlineData(5, 11.5)]
    [InlineData(50, 25)]
    [InlineData(95, 38.5)]
    public void PercentilesOfFourValues(double percent, double expected)
    {
        // Rank h = 3 · p / 100; the 5th: h = 0.15, so 10 + 0.15 · 10 = 11.5.
        Assert.Equal(expected, SortedSample.Percentile(Even, percent), 12);
    }

    [Fact]
    public void MeanAndPopulationStandardDeviation()
    {
        // Mean 20 / 5 = 4; squared deviations 9 + 4 + 1 + 0 + 36 = 50, over 5 is 10.
        var mean = SortedSample.Mean(Odd);

        Assert.Equal(4, mean, 12);
        Assert.Equal(Math.Sqrt(10), SortedSample.StandardDeviation(Odd, mean), 12);
    }

    [Fact]
    public void ConfidenceIntervalIsTheOuterPercentiles()
    {
        var interval = ConfidenceInterval.Of(Odd, 0.9);

        Assert.Equal(0.9, interval.Level);
        Assert.Equal(1.2, interval.Lower, 12);
        Assert.Equal(8.8, interval.Upper, 12);
    }

    [Fact]
    public void CountsAboveAThresholdStrictly()
    {
        Assert.Equal(2, SortedSample.CountAbove(Odd, 3));
        Assert.Equal(5, SortedSample.CountAbove(Odd, 0.5));
        Assert.Equal(0, SortedSample.CountAbove(Odd, 10));
    }

    [Fact]
    public void HistogramBinsHoldTheirLeftEdgeAndTheLastItsRight()
    {
        // Three bins over 1–10: [1, 4) holds 1, 2, 3; [4, 7) holds 4; [7, 10] holds 10.
        var histogram = Histogram.Of(Odd, 3);

        Assert.Equal([1, 4, 7, 10], histogram.BinEdges);
        Assert.Equal([3, 1, 1], histogram.Counts);
    }
}
