using Platform.Engine.Indicators;

namespace Platform.Engine.Tests.Indicators;

/// <summary>
/// ADX where floating-point series never go: equal up and down moves (Wilder counts neither), which whole-number prices
/// make common, and inputs or outputs of another length than the highs, each refused by name.
/// </summary>
public sealed class AdxFollowsWildersRulesAtTheEdges
{
    [Fact]
    public void EqualUpAndDownMovesCountForNeitherSide()
    {
        var random = new Random(17);
        var high = new double[200];
        var low = new double[200];
        var close = new double[200];
        var middle = 100.0;
        for (var i = 0; i < high.Length; i++)
        {
            // Half the bars widen both ways by the same whole step: up move = down move.
            var step = random.Next(2) == 0 ? random.Next(1, 3) : 0;
            middle += random.Next(-1, 2);
            (high[i], low[i], close[i]) = (middle + 2 + step, middle - 2 - step, middle + random.Next(-2, 3));
        }

        var lines = Adx.Compute(high, low, close, 7);

        var (plusDi, minusDi, adx) = Naive.Adx(high, low, close, 7);
        SeriesAssert.Close(plusDi, lines.PlusDi);
        SeriesAssert.Close(minusDi, lines.MinusDi);
        SeriesAssert.Close(adx, lines.Adx);
    }

    public static TheoryData<int> Outputs() => [0, 1, 2, 3, 4];

    [Theory]
    [MemberData(nameof(Outputs))]
    public void ASeriesOfAnotherLengthIsRefusedByName(int shorter)
    {
        var spans = Enumerable.Range(0, 6).Select(index => new double[index == shorter + 1 ? 9 : 10]).ToArray();

        var refused = Assert.Throws<ArgumentException>(() => Adx.Compute(spans[0], spans[1], spans[2], 3, spans[3], spans[4], spans[5]));

        Assert.Equal(new[] { "low.Length", "close.Length", "plusDi.Length", "minusDi.Length", "adx.Length" }[shorter], refused.ParamName);
    }
}
