namespace Platform.Engine.Tests.Indicators;

/// <summary>Compares indicator series bar by bar: NaN where NaN is expected, else within a relative tolerance.</summary>
internal static class SeriesAssert
{
    public static void Close(double[] expected, double[] actual, double tolerance = 1e-9)
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
                Assert.True(
                    Math.Abs(expected[i] - actual[i])
                        <= tolerance * Math.Max(1, Math.Abs(expected[i])),
                    $"index {i}: {expected[i]} vs {actual[i]}"
                );
            }
        }
    }
}
