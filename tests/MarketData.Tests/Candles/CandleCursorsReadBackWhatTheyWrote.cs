using System.Buffers.Text;
using System.Text;
using Platform.Engine.Data;
using Platform.MarketData.Candles;

namespace Platform.MarketData.Tests.Candles;

public sealed class CandleCursorsReadBackWhatTheyWrote
{
    [Theory]
    [InlineData("BTCUSDT", "60", 0)]
    [InlineData("1000PEPEUSDT", "D", 1_704_067_200_000)]
    [InlineData("ETHUSDT", "1", 253_402_300_799_999)]
    public void AnEncodedCursorParsesToItself(string symbol, string interval, long after)
    {
        var cursor = new CandleCursor(symbol, interval, after);

        Assert.True(CandleCursor.TryParse(cursor.Encode(), out var parsed));
        Assert.Equal(cursor, parsed);
        Assert.True(parsed.Continues(symbol, Interval.Parse(interval)));
    }

    [Fact]
    public void TheEncodingIsUrlSafeWithoutPadding() =>
        Assert.Matches("^[A-Za-z0-9_-]+$", new CandleCursor("BTCUSDT", "60", 1_704_067_200_000).Encode());

    [Theory]
    [InlineData("2:BTCUSDT:60:0")]
    [InlineData("1:BTCUSDT:60")]
    [InlineData("1:BTCUSDT:60:0:0")]
    [InlineData("1:BTCUSDT:60:-1")]
    [InlineData("1:BTCUSDT:60:253402300800000")]
    [InlineData("1:BTCUSDT:60:soon")]
    public void ACursorOfAnotherShapeIsRefused(string content) =>
        Assert.False(CandleCursor.TryParse(Base64Url.EncodeToString(Encoding.ASCII.GetBytes(content)), out _));

    [Theory]
    [InlineData("BTCUSDT", "240")]
    [InlineData("ETHUSDT", "60")]
    public void ACursorContinuesOnlyItsOwnSeries(string symbol, string interval) =>
        Assert.False(new CandleCursor("BTCUSDT", "60", 0).Continues(symbol, Interval.Parse(interval)));
}
