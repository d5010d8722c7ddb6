using Platform.Engine.Backtesting;
using Platform.Engine.Data;
using Platform.Engine.Filters;
using Platform.Engine.Tests.Support;

namespace Platform.Engine.Tests.Backtesting;

/// <summary>
/// The no-lookahead rule: a decision made at bar t's close fills at t+1's open, so rewriting every
/// candle after t changes neither the equity up to t nor which entries were decided by t.
/// </summary>
public sealed class DecisionsNeverSeeLaterCandles
{
    private static readonly CandleSeries Original = Bars.RandomWalk(3_000, seed: 31, volatility: 0.004);

    public static TheoryData<string, string> Strategies => new()
    {
        { "sma_crossover", "fast=5,slow=20" },
        { "ema_crossover", "fast=5,slow=20" },
        { "rsi_mean_reversion", "period=7,oversold=35,overbought=65" },
        { "bollinger_reversion", "period=15,std_dev=1.5,exit_at_middle=1" },
        { "macd_crossover", "fast=6,slow=13,signal=4" },
        { "donchian_breakout", "period=12" },
    };

    private static CandleSeries RewrittenAfter(int t, int seed)
    {
        var rows = Bars.Rows(Original);
        var replacement = Bars.Rows(Bars.RandomWalk(rows.Length, seed, volatility: 0.02));
        var scale = rows[t].Close / replacement[t].Close;
        for (var i = t + 1; i < rows.Length; i++)
        {
            var (o, h, l, c) = replacement[i];
            rows[i] = (o * scale, h * scale, l * scale, c * scale);
        }

        return Bars.Create(Original.Interval, Original.OpenTime.ToArray(), rows);
    }

    private static void AssertSamePast(BacktestResult original, BacktestResult rewritten, int t)
    {
        Assert.Equal(original.Equity.Span[..(t + 1)].ToArray(), rewritten.Equity.Span[..(t + 1)].ToArray());
        Assert.Equal(
            original.Trades.Where(x => x.EntryBarIndex <= t + 1).Select(x => (x.EntryBarIndex, x.Side)),
            rewritten.Trades.Where(x => x.EntryBarIndex <= t + 1).Select(x => (x.EntryBarIndex, x.Side)));
        Assert.Equal(original.Trades.Where(x => x.ExitBarIndex <= t), rewritten.Trades.Where(x => x.ExitBarIndex <= t));
    }

    [Theory]
    [MemberData(nameof(Strategies))]
    public void ForEveryBuiltInStrategy(string name, string parameters)
    {
        var spec = Support.Strategies.Parse(name, parameters);
        var settings = new BacktestSettings { Direction = TradeDirection.Both, StopLoss = PriceDistance.Percent(1), TakeProfit = PriceDistance.Percent(2), Leverage = 3, SlippageBps = 2 };
        var original = Backtester.Run(Original, spec, settings);
        Assert.True(original.Trades.Count > 5);

        foreach (var t in new[] { 40, 777, 1_500, 2_998 })
        {
            AssertSamePast(original, Backtester.Run(RewrittenAfter(t, seed: t), spec, settings), t);
        }
    }

    [Theory]
    [MemberData(nameof(Strategies))]
    public void WithEveryTradeManagementFeature(string name, string parameters)
    {
        // ATR stop and trail, percent target, bar limit, pyramiding, risk sizing and funding (every 480 one-minute bars).
        var spec = Support.Strategies.Parse(name, parameters);
        var settings = new BacktestSettings
        {
            Direction = TradeDirection.Both,
            StopLoss = PriceDistance.Atr(2, 14),
            TakeProfit = PriceDistance.Percent(2),
            TrailingStop = PriceDistance.Atr(3, 7),
            MaxBarsInTrade = 60,
            MaxEntries = 3,
            Sizing = PositionSizing.RiskPercent(2),
            FundingRatePer8Hours = 0.0001,
            Leverage = 3,
            SlippageBps = 2,
        };
        var original = Backtester.Run(Original, spec, settings);
        Assert.True(original.Trades.Count > 5);

        foreach (var t in new[] { 13, 40, 479, 480, 777, 1_500, 2_998 })
        {
            AssertSamePast(original, Backtester.Run(RewrittenAfter(t, seed: t), spec, settings), t);
        }
    }

    [Fact]
    public void WithAHigherTimeframeFilter()
    {
        var spec = Support.Strategies.Create("sma_crossover", ("fast", 5), ("slow", 20));
        TrendFilter[] filters = [new(Interval.Parse("60"), 3), new(Interval.Parse("15"), 4, TrendCondition.PriceAbove, MovingAverageKind.Ema)];
        var settings = new BacktestSettings { Direction = TradeDirection.Both };
        var original = Backtester.Run(Original, spec, settings, filters);
        Assert.NotEmpty(original.Trades);

        foreach (var t in new[] { 200, 1_234, 1_259, 2_500 })
        {
            AssertSamePast(original, Backtester.Run(RewrittenAfter(t, seed: t), spec, settings, filters), t);
        }
    }
}
