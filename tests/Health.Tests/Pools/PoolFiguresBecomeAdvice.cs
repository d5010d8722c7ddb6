using Platform.Health.Pools;
using Platform.ServiceDefaults.Pools;

namespace Platform.Health.Tests.Pools;

public sealed class PoolFiguresBecomeAdvice
{
    private static readonly TimeSpan LeakAfter = TimeSpan.FromSeconds(30);

    private static PoolSnapshot Pool(int busy, int pending = 0, double saturatedSeconds = 0) =>
        new(busy, 10 - busy, 10, 10, 0, pending, saturatedSeconds, DateTimeOffset.UnixEpoch);

    [Theory]
    [InlineData(7, "healthy")]
    [InlineData(8, "warning")]
    [InlineData(9, "warning")]
    [InlineData(10, "critical")]
    public void UtilizationSetsTheHealthAt70And90Percent(int busy, string health)
    {
        var status = PoolStatus.From(Pool(busy));

        Assert.Equal(health, status.Health);
        Assert.Equal(busy * 10.0, status.Utilization);
        Assert.Equal(10 - busy, status.AvailableCapacity);
        Assert.Equal(health != "healthy", status.NeedsAttention);
    }

    [Fact]
    public void ASaturatedPoolWithWaitersIsCriticalAndSuspectedOfALeak()
    {
        var assessed = DbPoolApi.Assess("backtests", Pool(10, pending: 3, saturatedSeconds: 45), LeakAfter);

        Assert.True(assessed.LeakDetected);
        Assert.Equal(3, assessed.Recommendations.Count);
        Assert.Contains(assessed.Recommendations, advice => advice.Contains("critical", StringComparison.Ordinal));
        Assert.Contains(assessed.Recommendations, advice => advice.StartsWith("3 requests", StringComparison.Ordinal));
    }

    [Fact]
    public void AQuietPoolIsHealthyWithOneLine()
    {
        var assessed = DbPoolApi.Assess("marketdata", Pool(1), LeakAfter);

        Assert.False(assessed.LeakDetected);
        Assert.Equal(["Pool is healthy."], assessed.Recommendations);
    }

    [Fact]
    public void AnEmptyPoolConfigurationIsNotADivisionByZero()
    {
        var status = PoolStatus.From(new PoolSnapshot(0, 0, 0, 0, 0, 0, 0, DateTimeOffset.UnixEpoch));

        Assert.Equal(0, status.Utilization);
        Assert.Equal("healthy", status.Health);
    }
}
