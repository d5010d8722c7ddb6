using Platform.MarketData.Ingest;

namespace Platform.MarketData.Tests.Ingest;

public sealed class OpenTimesFollowTheDigitCountRule
{
    [Theory]
    [InlineData("1704067200", 1_704_067_200_000)]
    [InlineData("1704067200123", 1_704_067_200_123)]
    [InlineData("1704067200123456", 1_704_067_200_123)]
    [InlineData("1784851200.0547", 1_784_851_200_054)]
    [InlineData("1704205800.5", 1_704_205_800_500)]
    [InlineData(" 1704067200000 ", 1_704_067_200_000)]
    [InlineData("2024-01-02T14:30:00Z", 1_704_205_800_000)]
    [InlineData("2024-01-03T09:00:00+09:00", 1_704_240_000_000)]
    [InlineData("2024-01-01 00:00:00+00:00", 1_704_067_200_000)]
    [InlineData("2024-01-01T00:00:00", 1_704_067_200_000)]
    [InlineData("2024-01-01", 1_704_067_200_000)]
    public void TimeIsReadAsUtcMilliseconds(string text, long milliseconds)
    {
        Assert.True(CandleTime.TryParse(text, out var parsed));
        Assert.Equal(milliseconds, parsed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("170406720")]
    [InlineData("17040672000000")]
    [InlineData("1704067200123456789")]
    [InlineData("-1704067200")]
    [InlineData("1.7040672e9")]
    [InlineData("1704067200.5x")]
    [InlineData("yesterday")]
    public void OtherTextIsNotATime(string text) => Assert.False(CandleTime.TryParse(text, out _));
}
