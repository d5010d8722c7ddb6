using System.Reflection;
using Platform.Engine.Backtesting;
using Platform.Engine.Filters;
using Platform.Engine.Metrics;
using Platform.Engine.Tests.Support;

namespace Platform.Engine.Tests.Backtesting;

/// <summary>Invariants checked over seeded random series, strategies and settings.</summary>
public sealed class BacktestPropertiesHoldOnRandomSeries
{
    private static readonly string[] Specs =
    [
        "sma_crossover:fast=3,slow=12",
        "ema_crossover:fast=4,slow=9",
        "rsi_mean_reversion:period=5,oversold=40,overbought=60",
        "bollinger_reversion:period=8,std_dev=1,exit_at_middle=1",
        "macd_crossover:fast=3,slow=8,signal=3",
        "donchian_breakout:period=6",
    ];

    public static TheoryData<int> Seeds => [.. Enumerable.Range(1, 12)];

    private static BacktestSettings RandomSettings(Random random, double leverage) => new()
    {
        InitialCapital = 1_000 + random.Next(100_000),
        Direction = (TradeDirection)random.Next(3),
        Sizing = random.Next(4) == 0 ? PositionSizing.FixedQuantity(random.NextDouble() * 50) : PositionSizing.FractionOfEquity(0.05 + random.NextDouble() * 0.95),
        Leverage = leverage,
        CommissionBps = random.NextDouble() * 20,
        SlippageBps = random.NextDouble() * 20,
        StopLoss = random.Next(2) == 0 ? null : PriceDistance.Percent(0.5 + random.NextDouble() * 5),
        TakeProfit = random.Next(2) == 0 ? null : PriceDistance.Percent(0.5 + random.NextDouble() * 10),
        FillPolicy = (FillPolicy)random.Next(2),
        RiskFreeRate = random.NextDouble() * 0.05,
    };

    private static IEnumerable<BacktestResult> Runs(int seed, double leverage)
    {
        var random = new Random(seed);
        var candles = Bars.RandomWalk(500 + random.Next(1_500), seed, volatility: 0.002 + random.NextDouble() * 0.03);
        foreach (var text in Specs)
        {
            var parts = text.Split(':');
            var filters = random.Next(3) == 0 ? [new TrendFilter(Platform.Engine.Data.Interval.Parse("15"), 3)] : Array.Empty<TrendFilter>();
            yield return Backtester.Run(candles, Support.Strategies.Parse(parts[0], parts[1]), RandomSettings(random, leverage), filters);
        }
    }

    private static IEnumerable<(string Name, double Value)> Numbers(object metrics) =>
        metrics.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).SelectMany(p => p.GetValue(metrics) switch
        {
            double d => [(p.Name, d)],
            DetailMetrics detail => Numbers(detail),
            _ => Enumerable.Empty<(string, double)>(),
        });

    [Theory]
    [MemberData(nameof(Seeds))]
    public void WithoutLeverageEquityIsFiniteAndNeverNegative(int seed)
    {
        foreach (var result in Runs(seed, leverage: 1))
        {
            Assert.All(result.Equity.ToArray(), e => Assert.True(double.IsFinite(e) && e >= -1e-9 * result.Settings.InitialCapital, $"{e}"));
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void IsolatedMarginKeepsLeveragedEquityNonNegativeToo(int seed)
    {
        foreach (var result in Runs(seed, leverage: 1 + seed * 8))
        {
            Assert.All(result.Equity.ToArray(), e => Assert.True(e >= -1e-9 * result.Settings.InitialCapital, $"{e}"));
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void TradesNeverOverlap(int seed)
    {
        foreach (var result in Runs(seed, leverage: 2))
        {
            foreach (var (previous, next) in result.Trades.Zip(result.Trades.Skip(1)))
            {
                // A signal exit frees its bar (it fills at the open) for the next entry; an intrabar exit does not.
                var freedAt = previous.ExitBarIndex + (previous.ExitReason == ExitReason.Signal ? 0 : 1);
                Assert.True(next.EntryBarIndex >= freedAt, $"{previous} then {next}");
            }

            Assert.All(result.Trades, t => Assert.True(t.ExitBarIndex >= t.EntryBarIndex && t.Quantity > 0 && t.BarsHeld >= 0));
            Assert.Equal(result.Trades.Sum(t => t.BarsHeld) * 100.0 / result.Equity.Length, result.Metrics.ExposurePct, 9);
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void TotalPnlEqualsTheChangeInEquity(int seed)
    {
        foreach (var result in Runs(seed, leverage: 1 + seed))
        {
            var change = result.Equity.Span[^1] - result.Settings.InitialCapital;
            Assert.Equal(change, result.Trades.Sum(t => t.Pnl), 1e-9 * result.Settings.InitialCapital);
            Assert.Equal(change, result.Metrics.Metrics.NetProfit, 1e-9 * result.Settings.InitialCapital);
            Assert.All(result.Trades, t => Assert.Equal(t.GrossPnl - t.Commission, t.Pnl, 1e-9 * result.Settings.InitialCapital));
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void EveryOutputNumberIsFinite(int seed)
    {
        foreach (var result in Runs(seed, leverage: 1 + seed * 3))
        {
            Assert.All(Numbers(result.Metrics), n => Assert.True(double.IsFinite(n.Value), $"{n.Name} = {n.Value}"));
            Assert.True(result.Metrics.ProfitFactor is null || double.IsFinite(result.Metrics.ProfitFactor.Value));
            Assert.All(result.DrawdownPct(), d => Assert.True(d is >= 0 and <= 100 + 1e-9));
            Assert.All(result.Trades, t => Assert.True(double.IsFinite(t.Pnl + t.PnlPct + t.EntryPrice + t.ExitPrice + t.Commission)));
            Assert.Equal(result.Trades.Count, result.Metrics.WinningTrades + result.Metrics.LosingTrades + result.Trades.Count(t => t.Pnl == 0));
        }
    }
}
