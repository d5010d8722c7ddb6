using Platform.Engine.Backtesting;
using Platform.Engine.Tests.Support;

namespace Platform.Engine.Tests.Backtesting;

/// <summary>Invariants over seeded random series with stops, trails, bar limits, pyramiding, every sizing and funding.</summary>
public sealed class TradeManagementKeepsTheInvariants
{
    private static readonly string[] Specs =
    [
        "sma_crossover:fast=3,slow=12",
        "rsi_mean_reversion:period=5,oversold=40,overbought=60",
        "bollinger_reversion:period=8,std_dev=1,exit_at_middle=1",
        "donchian_breakout:period=6",
    ];

    public static TheoryData<int> Seeds => [.. Enumerable.Range(1, 10)];

    private static PriceDistance? Distance(Random random, double percent) => random.Next(3) switch
    {
        0 => null,
        1 => PriceDistance.Percent(0.2 + random.NextDouble() * percent),
        _ => PriceDistance.Atr(0.5 + random.NextDouble() * 3, 1 + random.Next(20)),
    };

    private static BacktestSettings RandomSettings(Random random)
    {
        var settings = new BacktestSettings
        {
            InitialCapital = 1_000 + random.Next(100_000),
            Direction = (TradeDirection)random.Next(3),
            Leverage = 1 + random.Next(20),
            CommissionBps = random.NextDouble() * 20,
            SlippageBps = random.NextDouble() * 20,
            StopLoss = Distance(random, 5),
            TakeProfit = Distance(random, 10),
            TrailingStop = Distance(random, 5),
            MaxBarsInTrade = random.Next(2) == 0 ? null : 1 + random.Next(100),
            MaxEntries = 1 + random.Next(4),
            FundingRatePer8Hours = (random.NextDouble() - 0.5) * 0.002,
            FillPolicy = (FillPolicy)random.Next(2),
        };
        return settings with
        {
            Sizing = random.Next(4) switch
            {
                0 => PositionSizing.FixedNotional(100 + random.NextDouble() * 5_000),
                1 when settings.StopLoss is not null || settings.TrailingStop is not null => PositionSizing.RiskPercent(0.5 + random.NextDouble() * 3),
                2 => PositionSizing.FixedQuantity(random.NextDouble() * 20),
                _ => PositionSizing.FractionOfEquity(0.05 + random.NextDouble() * 0.5),
            },
        };
    }

    private static IEnumerable<BacktestResult> Runs(int seed)
    {
        var random = new Random(seed);
        var candles = Bars.RandomWalk(1_000 + random.Next(2_000), seed, volatility: 0.002 + random.NextDouble() * 0.02);
        foreach (var text in Specs)
        {
            var parts = text.Split(':');
            var settings = RandomSettings(random);
            Assert.Empty(settings.Validate());
            yield return Backtester.Run(candles, Support.Strategies.Parse(parts[0], parts[1]), settings);
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void PnlAddsUpToTheChangeInEquity(int seed)
    {
        foreach (var result in Runs(seed))
        {
            var capital = result.Settings.InitialCapital;
            Assert.All(result.Equity.ToArray(), e => Assert.True(double.IsFinite(e)));
            Assert.Equal(result.Equity.Span[^1] - capital, result.Trades.Sum(t => t.Pnl), 1e-9 * capital);
            Assert.All(result.Trades, t => Assert.Equal(t.GrossPnl - t.Commission - t.Funding, t.Pnl, 1e-9 * capital));
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void TradesNeverOverlapAndKeepTheirEntryLimit(int seed)
    {
        foreach (var result in Runs(seed))
        {
            foreach (var (previous, next) in result.Trades.Zip(result.Trades.Skip(1)))
            {
                // Exits at the open (signal, bar limit) free their bar for the next entry; intrabar exits do not.
                var freedAt = previous.ExitBarIndex + (previous.ExitReason is ExitReason.Signal or ExitReason.MaxBars ? 0 : 1);
                Assert.True(next.EntryBarIndex >= freedAt, $"{previous} then {next}");
            }

            Assert.All(result.Trades, t => Assert.InRange(t.Entries, 1, result.Settings.MaxEntries));
            Assert.All(result.Trades, t => Assert.True(t.ExitReason != ExitReason.MaxBars || t.BarsHeld == result.Settings.MaxBarsInTrade, $"{t}"));
            Assert.All(result.Trades, t => Assert.True(t.ExitReason != ExitReason.TrailingStop || result.Settings.TrailingStop is not null));
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void ExcursionsBoundTheResult(int seed)
    {
        foreach (var result in Runs(seed))
        {
            // The exit price is one of the prices the excursions cover, so they bound the gross result.
            var tolerance = 1e-9 * result.Settings.InitialCapital;
            Assert.All(result.Trades, t =>
            {
                Assert.True(t.RunUp >= 0 && t.Drawdown >= 0, $"{t}");
                Assert.True(t.RunUp >= t.GrossPnl - tolerance && t.Drawdown >= -t.GrossPnl - tolerance, $"{t}");
                Assert.Equal(t.RunUp / (t.EntryPrice * t.Quantity) * 100, t.RunUpPct, 1e-9);
            });
        }
    }

    [Fact]
    public void TheSameInputGivesTheSameOutput()
    {
        var (a, b) = (Runs(5).ToList(), Runs(5).ToList());

        Assert.Equal(a.Select(r => r.Fingerprint), b.Select(r => r.Fingerprint));
        Assert.All(a.Zip(b), pair => Assert.Equal(pair.First.Trades, pair.Second.Trades));
    }
}
