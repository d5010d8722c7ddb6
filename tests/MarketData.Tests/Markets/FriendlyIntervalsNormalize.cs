using Platform.MarketData.Markets;

namespace Platform.MarketData.Tests.Markets;

/// <summary>The interval forms of docs/api-behaviour.md, 1.4, each normalized to Bybit's code, and every form refused.</summary>
public sealed class FriendlyIntervalsNormalize
{
    [Theory]
    [InlineData("1", "1")]
    [InlineData(" 60 ", "60")]
    [InlineData("D", "D")]
    [InlineData("15m", "15")]
    [InlineData("1m", "1")]
    [InlineData("4h", "240")]
    [InlineData("1H", "60")]
    [InlineData("2h", "120")]
    [InlineData("12h", "720")]
    [InlineData("1d", "D")]
    [InlineData("1D", "D")]
    [InlineData("1w", "W")]
    [InlineData("1W", "W")]
    [InlineData("1M", "M")]
    public void AFriendlyFormIsBybitsCode(string value, string code)
    {
        Assert.True(MarketInterval.TryNormalize(value, out var interval));
        Assert.Equal(code, interval.Code);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("7m")]
    [InlineData("5h")]
    [InlineData("2d")]
    [InlineData("2w")]
    [InlineData("2M")]
    [InlineData("0h")]
    [InlineData("-1h")]
    [InlineData("+1h")]
    [InlineData("h")]
    [InlineData("1.5h")]
    [InlineData("1y")]
    [InlineData("1s")]
    [InlineData("m")]
    public void EveryOtherFormIsRefused(string? value)
    {
        Assert.False(MarketInterval.TryNormalize(value, out var interval));
        Assert.Equal(default, interval);
    }

    [Fact]
    public void AListKeepsItsOrderDropsRepeatsAndBlanks()
    {
        Assert.True(MarketInterval.TryParseList(" 1, 15m ,, 15, 4h,1d", out var intervals, out var invalid));

        Assert.Equal(["1", "15", "240", "D"], intervals.Select(interval => interval.Code));
        Assert.Null(invalid);
    }

    [Fact]
    public void AListNamesItsFirstBadItem()
    {
        Assert.False(MarketInterval.TryParseList("1,7m,2d", out _, out var invalid));

        Assert.Equal("7m", invalid);
    }

    [Fact]
    public void NoListIsAnEmptyList()
    {
        Assert.True(MarketInterval.TryParseList(null, out var intervals, out var invalid));

        Assert.Empty(intervals);
        Assert.Null(invalid);
    }
}
