using Platform.Engine.Backtesting;
using Platform.Engine.Data;
using Platform.Engine.Tests.Support;

namespace Platform.Engine.Tests.Backtesting;

/// <summary>
/// Where the simulator's rules meet at an edge: fees inside the sizing, margin of added entries, ties between levels,
/// a level touched exactly, slippage on a bar-limit exit, ATR warm-up for each level, and funding before 1970. Each case
/// is worked by hand in its comment.
/// </summary>
public sealed class SimulatorEdgesFollowTheirDefinitions
{
    private static readonly TupleTolerance Tolerant = new();

    [Fact]
    public void FractionSizingLeavesRoomForTheEntryFee()
    {
        // Equity 10 000, half of it at leverage 2 with a 10 bps fee: notional 5 000 / (1/2 + 0.001) = 9 980.04, at 100.
        var settings = Run.Frictionless with { Sizing = PositionSizing.FractionOfEquity(0.5), Leverage = 2, CommissionBps = 10 };

        var trade = Run.Scripted(Bars.Flat(100, 100, 100), settings, (0, Scripted.Long)).Trades[0];

        Assert.Equal(5_000 / (0.5 + 0.001) / 100, trade.Quantity, 9);
    }

    [Fact]
    public void RiskSizingIsCappedByTheFreeCashWithItsFee()
    {
        // Risking 50 % at a 1 % stop asks for far more than the cash: the cap is 10 000 / (1 + 0.001) of notional.
        var settings = Run.Frictionless with { Sizing = PositionSizing.RiskPercent(50), StopLoss = PriceDistance.Percent(1), CommissionBps = 10 };

        var trade = Run.Scripted(Bars.Flat(100, 100, 100), settings, (0, Scripted.Long)).Trades[0];

        Assert.Equal(10_000 / 1.001 / 100, trade.Quantity, 9);
    }

    [Fact]
    public void AnAddedEntryAddsItsOwnMarginAtTheLeverage()
    {
        // Leverage 4, a quarter of equity each: 10 000 × 0.25 × 4 = 10 000 at 100 → 100 units, margin 2 500. The second at
        // 120 on equity 12 000: 12 000 units of notional → 100 units, margin 3 000. Sold at 130: PnL 100 × 30 + 100 × 10
        // = 4 000 on 5 500 of margin.
        var settings = Run.Frictionless with { MaxEntries = 2, Leverage = 4, Sizing = PositionSizing.FractionOfEquity(0.25) };
        var candles = Bars.Of((100, 100, 100, 100), (100, 100, 100, 100), (120, 120, 120, 120), (130, 130, 130, 130));

        var trade = Run.Scripted(candles, settings, (0, Scripted.Long), (1, Scripted.Long)).Trades[0];

        Assert.Equal((200.0, 4_000.0, 4_000 / 5_500.0 * 100), (trade.Quantity, trade.Pnl, trade.PnlPct), Tolerant);
    }

    [Fact]
    public void AFixedAndATrailingStopAtTheSameLevelExitAsTheFixedStop()
    {
        // Both 5 % below the entry at 100; the bar's low of 94 reaches 95.
        var settings = Run.Frictionless with { StopLoss = PriceDistance.Percent(5), TrailingStop = PriceDistance.Percent(5) };
        var candles = Bars.Of((100, 100, 100, 100), (100, 100, 100, 100), (100, 100, 94, 96));

        var trade = Run.Scripted(candles, settings, (0, Scripted.Long)).Trades[0];

        Assert.Equal((ExitReason.StopLoss, 95.0), (trade.ExitReason, trade.ExitPrice));
    }

    [Fact]
    public void AShortsTargetTouchedExactlyByTheLowFills()
    {
        // Short at 100 with a 5 % target: the bar's low is exactly 95.
        var settings = Run.Frictionless with { Direction = TradeDirection.Short, TakeProfit = PriceDistance.Percent(5) };
        var candles = Bars.Of((100, 100, 100, 100), (100, 100, 100, 100), (99, 99, 95, 97), (97, 97, 97, 97));

        var trade = Run.Scripted(candles, settings, (0, Scripted.Short)).Trades[0];

        Assert.Equal((ExitReason.TakeProfit, 95.0, 2), (trade.ExitReason, trade.ExitPrice, trade.ExitBarIndex));
    }

    [Fact]
    public void AStopWithinABarThatOpenedAboveEveryEarlierHighCountsThatOpen()
    {
        // Long from 100; bar 2 opens at 110, above bar 1's high of 105, then falls through the 7 % stop at 93.
        var settings = Run.Frictionless with { StopLoss = PriceDistance.Percent(7) };
        var candles = Bars.Of((100, 100, 100, 100), (100, 105, 99, 104), (110, 110, 90, 92));

        var trade = Run.Scripted(candles, settings, (0, Scripted.Long)).Trades[0];

        Assert.Equal(ExitReason.StopLoss, trade.ExitReason);
        Assert.Equal((1_000.0, 700.0), (trade.RunUp, trade.Drawdown), Tolerant);
    }

    [Fact]
    public void ABarLimitExitSellsBelowTheOpenBySlippage()
    {
        // 10 bps of slippage: bought at 100.1, sold after one bar at 101 × 0.999.
        var settings = Run.Frictionless with { MaxBarsInTrade = 1, SlippageBps = 10, Sizing = PositionSizing.FixedQuantity(1) };

        var trade = Run.Scripted(Bars.Flat(100, 100, 101, 102), settings, (0, Scripted.Long)).Trades[0];

        Assert.Equal(ExitReason.MaxBars, trade.ExitReason);
        Assert.Equal((100.1, 101 * 0.999), (trade.EntryPrice, trade.ExitPrice), Tolerant);
    }

    public static TheoryData<string> AtrLevels() => ["stop_loss", "take_profit", "trailing_stop"];

    [Theory]
    [MemberData(nameof(AtrLevels))]
    public void AnyLevelOnAnAtrSkipsEntriesInItsWarmUp(string level)
    {
        // A 3-bar ATR is defined from bar 2; a signal at bar 0 or 1 reads it undefined, one at bar 2 opens.
        var atr = PriceDistance.Atr(2, 3);
        var settings = level switch
        {
            "stop_loss" => Run.Frictionless with { StopLoss = atr },
            "take_profit" => Run.Frictionless with { TakeProfit = atr },
            _ => Run.Frictionless with { TrailingStop = atr },
        };
        var candles = Bars.RandomWalk(8, seed: 3);

        Assert.Empty(Run.Scripted(candles, settings, (1, Scripted.Long)).Trades);
        Assert.Equal(3, Assert.Single(Run.Scripted(candles, settings, (2, Scripted.Long)).Trades).EntryBarIndex);
    }

    [Fact]
    public void FundingTimesBefore1970AreTheSameEightHourGrid()
    {
        // Hourly bars from 1969-12-31 20:00: entry at 21:00, funding at 00:00 and 08:00 of 1970-01-01, 1 each.
        var start = new DateTimeOffset(1969, 12, 31, 20, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        var hour = Interval.Parse("60");
        var rows = Enumerable.Repeat((100.0, 100.0, 100.0, 100.0), 16).ToArray();
        var candles = Bars.Create(hour, [.. Enumerable.Range(0, rows.Length).Select(i => start + i * 3_600_000L)], rows);
        var settings = Run.Frictionless with { FundingRatePer8Hours = 0.0001 };

        var result = Run.Scripted(candles, settings, (0, Scripted.Long));

        Assert.Equal(2.0, result.Trades[0].Funding, 9);
        Assert.Equal((10_000.0, 9_999.0, 9_999.0, 9_998.0), (result.Equity.Span[3], result.Equity.Span[4], result.Equity.Span[11], result.Equity.Span[12]), Tolerant);
    }
}
