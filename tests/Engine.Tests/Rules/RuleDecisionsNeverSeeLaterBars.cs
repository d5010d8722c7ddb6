using System.Text.Json;
using Platform.Engine.Data;
using Platform.Engine.Indicators;
using Platform.Engine.Strategies;
using Platform.Engine.Tests.Support;

namespace Platform.Engine.Tests.Rules;

/// <summary>
/// No lookahead by construction: every indicator, operator and higher timeframe of the language reads only bars up to the
/// one deciding. Rewriting every bar after t leaves every signal at or before t as it was.
/// </summary>
public sealed class RuleDecisionsNeverSeeLaterBars
{
    // 15-minute bars, so the 4-hour and daily indicators close inside the series.
    private static readonly CandleSeries Original = Bars.RandomWalk(4_000, seed: 161, Interval.Parse("15"), volatility: 0.004);

    /// <summary>A document that uses every indicator, every operator, bars_ago and two higher timeframes.</summary>
    private const string EveryPart = """
        {
          "parameters": {"fast": 8, "level": 55},
          "indicators": {
            "sma": {"type": "sma", "period": "$fast", "source": "hlc3"},
            "ema": {"type": "ema", "period": 21, "source": "sma"},
            "wma": {"type": "wma", "period": 10, "source": "ohlc4"},
            "rsi": {"type": "rsi", "period": 14},
            "rsi_avg": {"type": "sma", "period": 5, "source": "rsi"},
            "macd": {"type": "macd"},
            "bb": {"type": "bollinger", "period": 20, "k": 2},
            "atr": {"type": "atr", "period": 14},
            "adx": {"type": "adx", "period": 14},
            "stoch": {"type": "stochastic"},
            "vwap": {"type": "vwap"},
            "dc": {"type": "donchian", "period": 30},
            "sd": {"type": "stddev", "period": 20, "source": "volume"},
            "z": {"type": "zscore", "period": 30},
            "hi": {"type": "highest", "period": 12, "source": "hl2"},
            "lo": {"type": "lowest", "period": 12, "source": "low"},
            "roc": {"type": "roc", "period": 9},
            "trend": {"type": "ema", "period": 10, "timeframe": "240"},
            "daily_rsi": {"type": "rsi", "period": 3, "timeframe": "D"}
          },
          "rules": {
            "enter_long": {"any": [
              {"all": [{"left": "sma", "op": "crosses_above", "right": "ema"}, {"left": "close", "op": ">", "right": "trend"}]},
              {"all": [{"left": "rsi_avg", "op": "between", "low": 20, "high": "$level"}, {"left": "adx.plus_di", "op": ">", "right": "adx.minus_di"}]},
              {"all": [{"left": "close", "op": ">", "right": {"ref": "dc.upper", "bars_ago": 1}}, {"left": "wma", "op": "rising", "bars": 2}]}
            ]},
            "exit_long": {"any": [
              {"left": "macd.histogram", "op": "crosses_below", "right": 0},
              {"left": "stoch.k", "op": ">=", "right": 80},
              {"left": "close", "op": "<", "right": "vwap"}
            ]},
            "enter_short": {"all": [
              {"not": {"left": "bb.percent_b", "op": "<=", "right": 1}},
              {"left": "z", "op": ">", "right": 1.5},
              {"left": "daily_rsi", "op": ">", "right": 60}
            ]},
            "exit_short": {"any": [
              {"left": "close", "op": "crosses_below", "right": "bb.middle"},
              {"left": "roc", "op": "falling", "bars": 3},
              {"left": "lo", "op": ">", "right": {"ref": "hi", "bars_ago": 5}},
              {"left": "atr", "op": "<", "right": "sd"}
            ]}
          }
        }
        """;

    private static byte[] Signals(CandleSeries candles)
    {
        var definition = StrategyCatalog.Define(JsonDocument.Parse(EveryPart).RootElement).Value!;
        var signals = new byte[candles.Count];
        StrategyCatalog.Validate(definition, new Dictionary<string, double>()).Value!.Bind().Signals.Write(new IndicatorCache(candles), signals);
        return signals;
    }

    private static CandleSeries RewrittenAfter(int t, int seed)
    {
        var rows = Bars.Rows(Original);
        var replacement = Bars.Rows(Bars.RandomWalk(rows.Length, seed, Original.Interval, volatility: 0.03));
        var scale = rows[t].Close / replacement[t].Close;
        for (var i = t + 1; i < rows.Length; i++)
        {
            var (o, h, l, c) = replacement[i];
            rows[i] = (o * scale, h * scale, l * scale, c * scale);
        }
        return Bars.Create(Original.Interval, Original.OpenTime.ToArray(), rows);
    }

    [Fact]
    public void EveryRuleFiresSomewhere()
    {
        var signals = Signals(Original);

        Assert.All(new[] { Signal.EnterLong, Signal.ExitLong, Signal.EnterShort, Signal.ExitShort }, bit => Assert.Contains(signals, s => (s & bit) != 0));
    }

    [Theory]
    [InlineData(50)]
    [InlineData(111)]
    [InlineData(1_000)]
    [InlineData(2_345)]
    [InlineData(3_900)]
    public void SignalsUpToTheBarAreUntouchedByEveryLaterBar(int t)
    {
        var original = Signals(Original);

        var rewritten = Signals(RewrittenAfter(t, seed: t));

        Assert.Equal(original[..(t + 1)], rewritten[..(t + 1)]);
        Assert.NotEqual(original[(t + 1)..], rewritten[(t + 1)..]);
    }
}
