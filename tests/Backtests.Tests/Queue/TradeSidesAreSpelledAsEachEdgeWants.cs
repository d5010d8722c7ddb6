using Platform.Backtests.Queue;
using Platform.Engine.Backtesting;

namespace Platform.Backtests.Tests.Queue;

public sealed class TradeSidesAreSpelledAsEachEdgeWants
{
    [Theory]
    [InlineData("long", TradeSide.Long)]
    [InlineData("Long", TradeSide.Long)]
    [InlineData("LONG", TradeSide.Long)]
    [InlineData("buy", TradeSide.Long)]
    [InlineData("BUY", TradeSide.Long)]
    [InlineData("short", TradeSide.Short)]
    [InlineData("Short", TradeSide.Short)]
    [InlineData("SHORT", TradeSide.Short)]
    [InlineData("sell", TradeSide.Short)]
    [InlineData("Sell", TradeSide.Short)]
    public void EveryAcceptedSpellingParsesInAnyCase(string text, TradeSide expected) =>
        Assert.Equal(expected, TradeSides.Parse(text));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" long")]
    [InlineData("both")]
    [InlineData("flat")]
    [InlineData("0")]
    public void AnythingElseIsRefused(string? text) => Assert.Null(TradeSides.Parse(text));

    [Theory]
    [InlineData(TradeSide.Long, "LONG", "long", "buy")]
    [InlineData(TradeSide.Short, "SHORT", "short", "sell")]
    public void EachEdgeWritesItsOwnSpelling(TradeSide side, string column, string name, string order) =>
        Assert.Equal((column, name, order), (TradeSides.Column(side), TradeSides.Name(side), TradeSides.Order(side)));

    [Theory]
    [InlineData(TradeSide.Long)]
    [InlineData(TradeSide.Short)]
    public void TheColumnReadsBackWhatItStores(TradeSide side) => Assert.Equal(side, TradeSides.FromColumn(TradeSides.Column(side)));

    [Theory]
    [InlineData("long")]
    [InlineData("buy")]
    [InlineData("")]
    public void TheColumnHoldsNoOtherSpelling(string stored) => Assert.Throws<InvalidDataException>(() => TradeSides.FromColumn(stored));
}
