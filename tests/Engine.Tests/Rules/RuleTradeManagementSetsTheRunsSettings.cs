using System.Text.Json;
using Platform.Engine.Backtesting;
using Platform.Engine.Strategies;
using Platform.Engine.Tests.Support;

namespace Platform.Engine.Tests.Rules;

/// <summary>
/// A document's risk, sizing, pyramiding and funding become the run's settings (with its parameters bound), and what it
/// leaves out stays as the run set it.
/// </summary>
public sealed class RuleTradeManagementSetsTheRunsSettings
{
    private static readonly StrategyDefinition Managed = StrategyCatalog.Define(JsonDocument.Parse("""
        {
          "parameters": {"stop": 2, "bars": {"default": 5, "integer": true}},
          "indicators": {"avg": {"type": "sma", "period": 3}},
          "rules": {"enter_long": {"left": "close", "op": "crosses_above", "right": "avg"}},
          "risk": {"stop_loss": {"percent": "$stop"}, "trailing_stop": {"atr": 3, "period": 10}, "max_bars": "$bars"},
          "sizing": {"notional": 1000},
          "pyramiding": 2,
          "funding": {"rate_per_8h": 0.0001}
        }
        """).RootElement).Value!;

    [Fact]
    public void TheDocumentsPartsReplaceTheRunsAndTheRestStays()
    {
        var spec = StrategyCatalog.Validate(Managed, new Dictionary<string, double> { ["stop"] = 1.5, ["bars"] = 7 }).Value!;
        var run = new BacktestSettings { TakeProfit = PriceDistance.Percent(9), StopLoss = PriceDistance.Percent(4), Leverage = 2 };

        var result = Backtester.Run(Bars.RandomWalk(500, seed: 162), spec, run);

        Assert.Equal(
            run with
            {
                StopLoss = PriceDistance.Percent(1.5),
                TrailingStop = PriceDistance.Atr(3, 10),
                MaxBarsInTrade = 7,
                Sizing = PositionSizing.FixedNotional(1000),
                MaxEntries = 2,
                FundingRatePer8Hours = 0.0001,
            },
            result.Settings);
        Assert.Contains(result.Trades, trade => trade.ExitReason == ExitReason.MaxBars);
        Assert.All(result.Trades, trade => Assert.True(trade.BarsHeld <= 8));
    }

    [Fact]
    public void WhereBothSetAPartTheDocumentsWins()
    {
        var managed = StrategyCatalog.Define(JsonDocument.Parse("""
            {
              "indicators": {"avg": {"type": "sma", "period": 3}},
              "rules": {"enter_long": {"left": "close", "op": "crosses_above", "right": "avg"}},
              "risk": {"stop_loss": {"percent": 2}, "trailing_stop": {"percent": 3}, "take_profit": {"percent": 4}, "max_bars": 5},
              "sizing": {"risk_pct": 1},
              "pyramiding": 3,
              "funding": {"rate_per_8h": 0.0002}
            }
            """).RootElement).Value!;
        var run = new BacktestSettings
        {
            StopLoss = PriceDistance.Percent(7),
            TrailingStop = PriceDistance.Percent(8),
            TakeProfit = PriceDistance.Percent(9),
            MaxBarsInTrade = 99,
            Sizing = PositionSizing.FractionOfEquity(0.5),
            MaxEntries = 2,
            FundingRatePer8Hours = 0.0001,
        };

        var result = Backtester.Run(Bars.RandomWalk(200, seed: 164), StrategyCatalog.Validate(managed, new Dictionary<string, double>()).Value!, run);

        Assert.Equal(
            run with
            {
                StopLoss = PriceDistance.Percent(2),
                TrailingStop = PriceDistance.Percent(3),
                TakeProfit = PriceDistance.Percent(4),
                MaxBarsInTrade = 5,
                Sizing = PositionSizing.RiskPercent(1),
                MaxEntries = 3,
                FundingRatePer8Hours = 0.0002,
            },
            result.Settings);
    }

    [Fact]
    public void DifferentDocumentsWithEqualParametersHaveDifferentFingerprints()
    {
        var candles = Bars.RandomWalk(300, seed: 163);
        var other = StrategyCatalog.Define(JsonDocument.Parse("""
            {"indicators": {"avg": {"type": "sma", "period": 4}}, "rules": {"enter_long": {"left": "close", "op": "crosses_above", "right": "avg"}}}
            """).RootElement).Value!;
        var same = StrategyCatalog.Define(JsonDocument.Parse("""
            {"indicators": {"avg": {"type": "sma", "period": 3}}, "rules": {"enter_long": {"left": "close", "op": "crosses_above", "right": "avg"}}}
            """).RootElement).Value!;

        string Fingerprint(StrategyDefinition definition) =>
            Backtester.Run(candles, StrategyCatalog.Validate(definition, new Dictionary<string, double>()).Value!, new BacktestSettings()).Fingerprint;

        Assert.NotEqual(Fingerprint(same), Fingerprint(other));
        Assert.Equal(Fingerprint(same), Fingerprint(StrategyCatalog.Define(same.Document).Value!));
    }
}
