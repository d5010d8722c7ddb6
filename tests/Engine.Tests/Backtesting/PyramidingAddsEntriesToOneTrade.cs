using Platform.Engine.Backtesting;
using Platform.Engine.Tests.Support;

namespace Platform.Engine.Tests.Backtesting;

public sealed class PyramidingAddsEntriesToOneTrade
{
    private static readonly BacktestSettings TwoEntries = Run.Frictionless with { MaxEntries = 2, Sizing = PositionSizing.FractionOfEquity(0.25) };

    // Long signals at bars 0, 1 and 2 fill at bar 1 (100) and bar 2 (120); the third finds two entries and is ignored.
    // First: 25 % of 10 000 = 2 500 → 25 units. Second: equity 10 000 + 25 × (120 − 100) = 10 500 → 2 625 → 21.875 units.
    // Average (2 500 + 2 625) / 46.875 = 109.3̅.
    private static BacktestResult Run3((double, double, double, double) last, BacktestSettings settings) => Run.Scripted(
        Bars.Of((100, 100, 100, 100), (100, 100, 100, 100), (120, 120, 120, 120), last),
        settings,
        (0, Scripted.Long),
        (1, Scripted.Long),
        (2, Scripted.Long));

    [Fact]
    public void EntriesAverageTheirPriceAndCloseAsOneTrade()
    {
        var result = Run3((130, 130, 130, 130), TwoEntries);
        var trade = Assert.Single(result.Trades);

        Assert.Equal((2, 1, 46.875), (trade.Entries, trade.EntryBarIndex, trade.Quantity));
        Assert.Equal(5_125 / 46.875, trade.EntryPrice, 9);

        // 46.875 × 130 − 5 125 = 968.75 on 5 125 of margin.
        Assert.Equal(968.75, trade.Pnl, 9);
        Assert.Equal(968.75 / 5_125 * 100, trade.PnlPct, 9);
        Assert.Equal(10_968.75, result.Equity.Span[^1], 9);
    }

    [Fact]
    public void OneEntryIsTheDefault()
    {
        var trade = Assert.Single(Run3((130, 130, 130, 130), TwoEntries with { MaxEntries = 1 }).Trades);

        Assert.Equal((1, 25.0, 100.0), (trade.Entries, trade.Quantity, trade.EntryPrice));
    }

    [Fact]
    public void TheStopMovesToTheAveragePrice()
    {
        // A 10 % stop from 100 was 90; from the average 109.3̅ it is 98.4, which bar 3's low of 98 reaches.
        var trade = Run3((130, 130, 98, 100), TwoEntries with { StopLoss = PriceDistance.Percent(10) }).Trades[0];

        Assert.Equal(ExitReason.StopLoss, trade.ExitReason);
        Assert.Equal(5_125 / 46.875 * 0.9, trade.ExitPrice, 9);
    }

    [Fact]
    public void AnAddedEntryIsBoundedByTheFreeCash()
    {
        // Fraction 0.75: the first entry commits 7 500; the second would be 0.75 × 11 500 but only 2 500 is free.
        var trade = Run3((130, 130, 130, 130), TwoEntries with { Sizing = PositionSizing.FractionOfEquity(0.75) }).Trades[0];

        Assert.Equal(75 + 2_500.0 / 120, trade.Quantity, 9);
    }
}
