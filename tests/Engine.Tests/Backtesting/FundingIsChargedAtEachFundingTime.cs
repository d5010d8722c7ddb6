using Platform.Engine.Backtesting;
using Platform.Engine.Data;
using Platform.Engine.Tests.Support;

namespace Platform.Engine.Tests.Backtesting;

/// <summary>Funding times are 00:00, 08:00 and 16:00 UTC; the series start at 2024-01-01 00:00 UTC.</summary>
public sealed class FundingIsChargedAtEachFundingTime
{
    private static readonly TupleTolerance Tolerant = new();

    private static readonly BacktestSettings Funded = Run.Frictionless with { FundingRatePer8Hours = 0.0001, Direction = TradeDirection.Both };

    private static CandleSeries Flat(Interval interval, int count) =>
        Bars.Of(interval, [.. Enumerable.Repeat((100.0, 100.0, 100.0, 100.0), count)]);

    [Fact]
    public void HourlyBarsPayAtEightAndSixteen()
    {
        // Entry at 01:00 with 100 units at 100; the bars of 08:00 and 16:00 each charge 0.0001 × 100 × 100 = 1.
        var result = Run.Scripted(Flat(Interval.Parse("60"), 20), Funded, (0, Scripted.Long));
        var trade = result.Trades[0];

        Assert.Equal((2.0, -2.0), (trade.Funding, trade.Pnl), Tolerant);
        Assert.Equal((10_000.0, 9_999.0, 9_998.0), (result.Equity.Span[7], result.Equity.Span[8], result.Equity.Span[^1]), Tolerant);
    }

    [Fact]
    public void ShortsReceiveIt()
    {
        var trade = Run.Scripted(Flat(Interval.Parse("60"), 20), Funded, (0, Scripted.Short)).Trades[0];

        Assert.Equal((-2.0, 2.0), (trade.Funding, trade.Pnl), Tolerant);
    }

    [Fact]
    public void ANegativeRateIsPaidByShorts()
    {
        var trade = Run.Scripted(Flat(Interval.Parse("60"), 20), Funded with { FundingRatePer8Hours = -0.0001 }, (0, Scripted.Short)).Trades[0];

        Assert.Equal((2.0, -2.0), (trade.Funding, trade.Pnl), Tolerant);
    }

    [Fact]
    public void DailyBarsPayThreeTimesAtTheOpen()
    {
        // Entry at day 1's open (100, 100 units): that day's 00:00 funding is not charged. Day 2's open (110) settles
        // 08:00, 16:00 and 00:00: 3 × 0.0001 × 100 × 110 = 3.3; day 3's open (120) 3.6. Total 6.9.
        var candles = Bars.Of(Interval.Parse("D"), (100, 100, 100, 100), (100, 100, 100, 100), (110, 110, 110, 110), (120, 120, 120, 120));
        var trade = Run.Scripted(candles, Funded, (0, Scripted.Long)).Trades[0];

        Assert.Equal(6.9, trade.Funding, 12);
        Assert.Equal(100 * 20 - 6.9, trade.Pnl, 9);
        Assert.Equal(trade.GrossPnl - trade.Commission - trade.Funding, trade.Pnl, 9);
    }

    [Fact]
    public void APositionClosedAtAFundingOpenHasPaidIt()
    {
        // Exit signal at 07:00 fills at 08:00's open, after the 08:00 funding.
        var trade = Run.Scripted(Flat(Interval.Parse("60"), 20), Funded, (0, Scripted.Long), (7, Scripted.ExitLong)).Trades[0];

        Assert.Equal(8, trade.ExitBarIndex);
        Assert.Equal(1, trade.Funding, 12);
    }

    [Fact]
    public void NoRateNoFunding() =>
        Assert.Equal(0, Run.Scripted(Flat(Interval.Parse("60"), 20), Run.Frictionless, (0, Scripted.Long)).Trades[0].Funding);
}
