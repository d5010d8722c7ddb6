using Platform.Backtests.Strategies;

namespace Platform.Backtests.Tests.Strategies;

public sealed class StrategyListQueryClampsTheLimit
{
    [Theory]
    [InlineData(null, 100)]
    [InlineData(0, 1)]
    [InlineData(-20, 1)]
    [InlineData(250, 250)]
    [InlineData(1000, 1000)]
    [InlineData(1001, 1000)]
    [InlineData(int.MaxValue, 1000)]
    public void TheLimitStaysBetween1And1000(int? limit, int expected)
    {
        Assert.Equal(expected, new StrategyListQuery(null, null, null, limit, null).ClampedLimit);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData(0, true)]
    [InlineData(-1, false)]
    public void ANegativeOffsetIsRefused(int? offset, bool valid)
    {
        Assert.Equal(valid, new StrategyListQuery(null, null, null, null, offset).Validate().Count == 0);
    }
}
