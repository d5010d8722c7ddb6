using System.Text.Json;
using Platform.Engine.Strategies;

namespace Platform.Engine.Tests.Rules;

/// <summary>A document that cannot run is refused with every error keyed by its JSON path inside the document.</summary>
public sealed class RuleDocumentsNameEveryErrorByItsPath
{
    private static IReadOnlyDictionary<string, string> Errors(string json) => StrategyCatalog.Define(JsonDocument.Parse(json).RootElement).Errors;

    private static (string Path, string Message) Pair(KeyValuePair<string, string> error) => (error.Key, error.Value);

    [Fact]
    public void AValidDocumentHasNoErrors()
    {
        var result = StrategyCatalog.Define(JsonDocument.Parse("""
            {
              "parameters": {"fast": 10, "slow": {"default": 30, "integer": true, "min": 2, "greater_than": "fast"}},
              "indicators": {"f": {"type": "ema", "period": "$fast"}, "s": {"type": "ema", "period": "$slow"}, "atr": {"type": "atr"}},
              "rules": {"enter_long": {"all": [{"left": "f", "op": "crosses_above", "right": "s"}, {"left": "atr", "op": ">", "right": 0}]}},
              "risk": {"stop_loss": {"atr": 2, "period": 14}, "take_profit": {"percent": 5}, "max_bars": 50},
              "sizing": {"risk_pct": 1},
              "pyramiding": 2,
              "funding": {"rate_per_8h": 0.0001}
            }
            """).RootElement);

        Assert.Empty(result.Errors);
        Assert.Equal(["fast", "slow"], result.Value!.Parameters.Select(p => p.Name));
    }

    [Fact]
    public void AnOperandInsideANestedConditionIsNamedByItsPath()
    {
        var errors = Errors("""
            {"indicators": {"fast": {"type": "sma", "period": 5}},
             "rules": {"enter_long": {"all": [{"left": "fast", "op": ">", "right": 1}, {"left": "slow", "op": ">", "right": "fast"}]}}}
            """);

        Assert.Equal("'slow' is neither a price field (open, high, low, close, volume, hl2, hlc3, ohlc4) nor a declared indicator",
            Assert.Single(errors, e => e.Key == "rules.enter_long.all[1].left").Value);
        Assert.Single(errors);
    }

    [Theory]
    [InlineData("""{"rules": {}}""", "rules", "needs at least one of enter_long and enter_short")]
    [InlineData("""{"indicators": {}}""", "rules", "is required: at least one of enter_long and enter_short")]
    [InlineData("""[]""", "", "must be an object with rules (and optionally parameters, indicators, risk, sizing, pyramiding, funding)")]
    [InlineData("""{"rules": {"enter_long": {"left": "close", "op": ">", "right": 1}}, "stop": 2}""", "stop",
        "is not part of the rule language; expected description, parameters, indicators, rules, risk, sizing, pyramiding, funding")]
    [InlineData("""{"rules": {"enter_now": {"left": "close", "op": ">", "right": 1}, "enter_long": {"left": "close", "op": ">", "right": 1}}}""",
        "rules.enter_now", "is not a rule; expected enter_long, exit_long, enter_short or exit_short")]
    [InlineData("""{"rules": {"enter_long": {"left": "close", "op": "above", "right": 1}}}""", "rules.enter_long.op",
        "'above' is not an operator; expected one of >, <, >=, <=, crosses_above, crosses_below, between, rising, falling")]
    [InlineData("""{"rules": {"enter_long": {"left": "close", "op": ">"}}}""", "rules.enter_long.right", "is required")]
    [InlineData("""{"rules": {"enter_long": {"left": "close", "op": "between", "low": 1}}}""", "rules.enter_long.high", "is required")]
    [InlineData("""{"rules": {"enter_long": {"left": "close", "op": "rising", "bars": 0}}}""", "rules.enter_long.bars", "must be a whole number from 1 to 5000")]
    [InlineData("""{"rules": {"enter_long": {"left": {"ref": "close", "bars_ago": 1.5}, "op": ">", "right": 1}}}""", "rules.enter_long.left.bars_ago",
        "must be a whole number from 0 to 5000")]
    [InlineData("""{"rules": {"enter_long": {"left": "$level", "op": ">", "right": 1}}}""", "rules.enter_long.left", "'$level' is not declared in parameters")]
    [InlineData("""{"rules": {"enter_long": {"all": []}}}""", "rules.enter_long.all", "must be a non-empty list of conditions")]
    [InlineData("""{"rules": {"enter_long": {"not": {"left": "close", "op": ">", "right": 1}, "any": []}}}""", "rules.enter_long.not",
        "a condition with 'any' has no other keys")]
    [InlineData("""{"rules": {"enter_long": {"all": [], "op": ">"}}}""", "rules.enter_long.op",
        "a condition with 'all' has no other keys")]
    [InlineData("""{"rules": {"enter_long": {"left": "close", "op": ">", "right": true}}}""", "rules.enter_long.right",
        "must be a number, a $parameter, a price field, an indicator or {ref, bars_ago}")]
    public void ShapeErrors(string json, string path, string message) => Assert.Equal((path, message), Pair(Assert.Single(Errors(json))));

    [Theory]
    [InlineData("""{"indicators": {"x": {"type": "ichimoku"}}}""", "indicators.x.type",
        "must be one of: sma, ema, wma, rsi, macd, bollinger, stddev, zscore, highest, lowest, roc, atr, adx, stochastic, vwap, donchian")]
    [InlineData("""{"indicators": {"x": {"type": "sma", "length": 5}}}""", "indicators.x.length",
        "is not an argument of sma; expected period")]
    [InlineData("""{"indicators": {"x": {"type": "atr", "source": "close"}}}""", "indicators.x.source",
        "atr reads the candles and takes no source")]
    [InlineData("""{"indicators": {"x": {"type": "sma", "source": "y"}, "y": {"type": "ema", "source": "x"}}}""", "indicators.y.source",
        "indicators read each other in a circle: x → y → x")]
    [InlineData("""{"indicators": {"x": {"type": "sma", "source": "x"}}}""", "indicators.x.source",
        "indicators read each other in a circle: x → x")]
    [InlineData("""{"indicators": {"x": {"type": "sma", "period": 0}}}""", "indicators.x.period",
        "must be a whole number from 1 to 10000")]
    [InlineData("""{"indicators": {"x": {"type": "sma", "period": 2.5}}}""", "indicators.x.period",
        "must be a whole number from 1 to 10000")]
    [InlineData("""{"indicators": {"x": {"type": "sma", "timeframe": "2h"}}}""", "indicators.x.timeframe",
        "must be a Bybit interval code: 1, 3, 5, 15, 30, 60, 120, 240, 360, 720, D, W or M")]
    [InlineData("""{"indicators": {"close": {"type": "sma"}}}""", "indicators.close",
        "'close' is a price field; give the indicator another name")]
    [InlineData("""{"indicators": {"Fast": {"type": "sma"}}}""", "indicators.Fast",
        "names are lower case letters, digits and underscores, starting with a letter, at most 32 characters")]
    [InlineData("""{"indicators": {"bb": {"type": "bollinger"}}, "rules": {"enter_long": {"left": "bb.top", "op": ">", "right": 1}}}""", "rules.enter_long.left",
        "bollinger has the outputs middle, upper, lower, percent_b, not 'top'")]
    [InlineData("""{"indicators": {"h": {"type": "sma", "timeframe": "240"}, "x": {"type": "sma", "source": "h"}}}""", "indicators.x.source",
        "'h' is on another timeframe; an indicator's source must be on its own timeframe")]
    [InlineData("""{"risk": {"stop_loss": {"percent": 100}}}""", "risk.stop_loss.percent",
        "must be greater than 0 and at most 99.99")]
    [InlineData("""{"risk": {"stop_loss": {"percent": 2, "atr": 1}}}""", "risk.stop_loss",
        "must be {percent: x} or {atr: multiple, period: bars}")]
    [InlineData("""{"risk": {"trailing_stop": {"atr": -1}}}""", "risk.trailing_stop.atr",
        "must be greater than 0 and at most 100")]
    [InlineData("""{"risk": {"take_profit": {"percent": 5, "period": 3}}}""", "risk.take_profit.period",
        "must be {percent: x} or {atr: multiple, period: bars}")]
    [InlineData("""{"risk": {"max_bars": 0}}""", "risk.max_bars",
        "must be a whole number from 1 to 1000000")]
    [InlineData("""{"risk": {"breakeven": 1}}""", "risk.breakeven",
        "is not a risk setting; expected stop_loss, trailing_stop, take_profit, max_bars")]
    [InlineData("""{"sizing": {"fraction": 1.5}}""", "sizing.fraction",
        "must be greater than 0 and at most 1")]
    [InlineData("""{"sizing": {"risk_pct": 1}}""", "sizing.risk_pct",
        "sizes by the loss at the stop, so risk.stop_loss or risk.trailing_stop is required")]
    [InlineData("""{"sizing": {"fraction": 0.5, "notional": 100}}""", "sizing",
        "must be one of {fraction: 0..1}, {notional: usdt} or {risk_pct: percent of equity lost at the stop}")]
    [InlineData("""{"pyramiding": 101}""", "pyramiding",
        "must be a whole number from 1 to 100")]
    [InlineData("""{"funding": {"rate_per_8h": 0.5}}""", "funding.rate_per_8h",
        "must be between -0.05 and 0.05")]
    [InlineData("""{"funding": 0.0001}""", "funding",
        "must be {rate_per_8h: fraction}, e.g. 0.0001 for 0.01 % every 8 hours")]
    [InlineData("""{"parameters": {"p": "ten"}}""", "parameters.p",
        "must be a number, true/false, or {default, min, max, integer, greater_than, description}")]
    [InlineData("""{"parameters": {"p": {"default": 5, "min": 10}}}""", "parameters.p.default",
        "must be at least 10")]
    [InlineData("""{"parameters": {"p": {"default": 5, "integer": true, "max": 3}}}""", "parameters.p.default",
        "must be at most 3")]
    [InlineData("""{"parameters": {"p": {"default": 5, "greater_than": "q"}}}""", "parameters.p.greater_than",
        "must name another numeric parameter, not 'q'")]
    [InlineData("""{"parameters": {"p": {"default": 5, "step": 1}}}""", "parameters.p.step",
        "is not a parameter field; expected default, min, max, integer, greater_than, description")]
    [InlineData("""{"parameters": {"p": {"default": 5, "min": 6, "max": 9}}}""", "parameters.p.default",
        "must be between 6 and 9")]
    [InlineData("""{"risk": {"max_bars": 1000001}}""", "risk.max_bars",
        "must be a whole number from 1 to 1000000")]
    [InlineData("""{"risk": {"stop_loss": {"atr": 2, "period": 1001}}}""", "risk.stop_loss.period",
        "must be a whole number from 1 to 1000")]
    [InlineData("""{"rules": {"enter_long": {"left": {"ref": "close", "bars_ago": 5001}, "op": ">", "right": 1}}}""", "rules.enter_long.left.bars_ago",
        "must be a whole number from 0 to 5000")]
    [InlineData("""{"rules": {"enter_long": {"left": "close", "op": "rising", "bars": 5001}}}""", "rules.enter_long.bars",
        "must be a whole number from 1 to 5000")]
    [InlineData("""{"description": 5}""", "description",
        "must be a string")]
    [InlineData("""{"funding": {"rate_per_8h": "low"}}""", "funding.rate_per_8h",
        "must be a number or a $parameter")]
    [InlineData("""{"funding": {"rate_per_8h": -0.06}}""", "funding.rate_per_8h",
        "must be between -0.05 and 0.05")]
    [InlineData("""{"funding": {"rate_per_8h": 0.0001, "cap": 1}}""", "funding.cap",
        "is not a funding setting; expected rate_per_8h")]
    [InlineData("""{"indicators": []}""", "indicators",
        "must be an object of name: {type, source, timeframe, arguments...}")]
    [InlineData("""{"indicators": {"bb": {"type": "bollinger"}, "x": {"type": "sma", "source": "bb.bogus"}}}""", "indicators.x.source",
        "bollinger has the outputs middle, upper, lower, percent_b, not 'bogus'")]
    [InlineData("""{"indicators": {"x": 5}}""", "indicators.x",
        "must be an object with a type")]
    [InlineData("""{"indicators": {"x": {"period": 5}}}""", "indicators.x.type",
        "must be one of: sma, ema, wma, rsi, macd, bollinger, stddev, zscore, highest, lowest, roc, atr, adx, stochastic, vwap, donchian")]
    [InlineData("""{"indicators": {"x": {"type": "sma", "period": "$q"}}}""", "indicators.x.period",
        "'$q' is not declared in parameters")]
    [InlineData("""{"indicators": {"x": {"type": "sma", "period": "five"}}}""", "indicators.x.period",
        "must be a number or a $parameter")]
    [InlineData("""{"indicators": {"x": {"type": "sma", "source": "close.x"}}}""", "indicators.x.source",
        "'close.x' is neither a price field (open, high, low, close, volume, hl2, hlc3, ohlc4) nor a declared indicator")]
    [InlineData("""{"indicators": {"x": {"type": "sma", "source": 5}}}""", "indicators.x.source",
        "must name a price field or another indicator")]
    [InlineData("""{"indicators": {"x": {"type": "sma", "timeframe": 60}}}""", "indicators.x.timeframe",
        "must be a Bybit interval code: 1, 3, 5, 15, 30, 60, 120, 240, 360, 720, D, W or M")]
    [InlineData("""{"indicators": {"x": {"type": "vwap", "period": 5}}}""", "indicators.x.period",
        "is not an argument of vwap; expected none")]
    [InlineData("""{"parameters": []}""", "parameters",
        "must be an object of name: default or name: {default, min, max, integer, greater_than, description}")]
    [InlineData("""{"parameters": {"P": 1}}""", "parameters.P",
        "names are lower case letters, digits and underscores, starting with a letter, at most 32 characters")]
    [InlineData("""{"parameters": {"f": true, "p": {"default": 5, "greater_than": "f"}}}""", "parameters.p.greater_than",
        "must name another numeric parameter, not 'f'")]
    [InlineData("""{"parameters": {"p": {"default": "x"}}}""", "parameters.p.default",
        "is required: a number or true/false")]
    [InlineData("""{"parameters": {"p": {"default": 1, "min": "a"}}}""", "parameters.p.min",
        "must be a number")]
    [InlineData("""{"parameters": {"p": {"default": 1.5, "integer": true}}}""", "parameters.p.default",
        "must be an integer")]
    [InlineData("""{"parameters": {"p": {"default": 5, "greater_than": "p"}}}""", "parameters.p.greater_than",
        "must name another numeric parameter, not 'p'")]
    [InlineData("""{"parameters": {"p": {"default": 5, "greater_than": 3}}}""", "parameters.p.greater_than",
        "must name another numeric parameter, not '3'")]
    [InlineData("""{"parameters": {"p": {"default": 5, "min": 9, "max": 3}}}""", "parameters.p.max",
        "must not be below min")]
    [InlineData("""{"parameters": {"p": {"min": 1}}}""", "parameters.p.default",
        "is required: a number or true/false")]
    [InlineData("""{"pyramiding": "two"}""", "pyramiding",
        "must be a number or a $parameter")]
    [InlineData("""{"pyramiding": 0}""", "pyramiding",
        "must be a whole number from 1 to 100")]
    [InlineData("""{"risk": []}""", "risk",
        "must be an object with stop_loss, trailing_stop, take_profit and/or max_bars")]
    [InlineData("""{"risk": {"max_bars": 2.5}}""", "risk.max_bars",
        "must be a whole number from 1 to 1000000")]
    [InlineData("""{"risk": {"stop_loss": 2}}""", "risk.stop_loss",
        "must be {percent: x} or {atr: multiple, period: bars}")]
    [InlineData("""{"risk": {"stop_loss": {"atr": 2, "period": 0}}}""", "risk.stop_loss.period",
        "must be a whole number from 1 to 1000")]
    [InlineData("""{"risk": {"stop_loss": {"percent": "two"}}}""", "risk.stop_loss.percent",
        "must be a number or a $parameter")]
    [InlineData("""{"risk": {"stop_loss": {"percent": 0}}}""", "risk.stop_loss.percent",
        "must be greater than 0 and at most 99.99")]
    [InlineData("""{"risk": {"stop_loss": {}}}""", "risk.stop_loss",
        "must be {percent: x} or {atr: multiple, period: bars}")]
    [InlineData("""{"risk": {"take_profit": {"percent": 10001}}}""", "risk.take_profit.percent",
        "must be greater than 0 and at most 10000")]
    [InlineData("""{"risk": {"trailing_stop": {"atr": 101}}}""", "risk.trailing_stop.atr",
        "must be greater than 0 and at most 100")]
    [InlineData("""{"rules": []}""", "rules",
        "must be an object with enter_long, exit_long, enter_short and/or exit_short")]
    [InlineData("""{"rules": {"enter_long": 5}}""", "rules.enter_long",
        "must be a condition: {left, op, right}, {all: [...]}, {any: [...]} or {not: {...}}")]
    [InlineData("""{"rules": {"enter_long": {"all": [{"op": ">", "left": "close", "right": 1}], "op": ">"}}}""", "rules.enter_long.op",
        "a condition with 'all' has no other keys")]
    [InlineData("""{"rules": {"enter_long": {"any": {"op": ">", "left": "close", "right": 1}}}}""", "rules.enter_long.any",
        "must be a non-empty list of conditions")]
    [InlineData("""{"rules": {"enter_long": {"left": "close", "right": 1}}}""", "rules.enter_long.op",
        "is required: one of >, <, >=, <=, crosses_above, crosses_below, between, rising, falling (or use all, any, not)")]
    [InlineData("""{"rules": {"enter_long": {"not": 5}}}""", "rules.enter_long.not",
        "must be a condition: {left, op, right}, {all: [...]}, {any: [...]} or {not: {...}}")]
    [InlineData("""{"rules": {"enter_long": {"op": ">", "left": "$", "right": 1}}}""", "rules.enter_long.left",
        "'$' is not declared in parameters")]
    [InlineData("""{"rules": {"enter_long": {"op": ">", "left": "close", "right": 1, "bars": 2}}}""", "rules.enter_long.bars",
        "'>' takes op, left, right")]
    [InlineData("""{"rules": {"enter_long": {"op": ">", "left": {"bars_ago": 1}, "right": 1}}}""", "rules.enter_long.left.ref",
        "is required: a price field or an indicator")]
    [InlineData("""{"rules": {"enter_long": {"op": ">", "left": {"ref": "close", "back": 1}, "right": 1}}}""", "rules.enter_long.left.back",
        "a series reference takes ref and bars_ago")]
    [InlineData("""{"rules": {"enter_long": {"op": ">", "left": {"ref": "nothing"}, "right": 1}}}""", "rules.enter_long.left.ref",
        "'nothing' is neither a price field (open, high, low, close, volume, hl2, hlc3, ohlc4) nor a declared indicator")]
    [InlineData("""{"rules": {"enter_long": {"op": ">", "left": {"ref": 5}, "right": 1}}}""", "rules.enter_long.left.ref",
        "is required: a price field or an indicator")]
    [InlineData("""{"rules": {"enter_long": {"op": ">", "right": 1}}}""", "rules.enter_long.left",
        "is required")]
    [InlineData("""{"rules": {"enter_long": {"op": "between", "left": "close", "low": 1, "high": 2, "right": 3}}}""", "rules.enter_long.right",
        "'between' takes op, left, low, high")]
    [InlineData("""{"rules": {"enter_long": {"op": "rising", "left": "close", "right": 1}}}""", "rules.enter_long.right",
        "'rising' takes op, left, bars")]
    [InlineData("""{"rules": {"enter_long": {"op": 5, "left": "close", "right": 1}}}""", "rules.enter_long.op",
        "is required: one of >, <, >=, <=, crosses_above, crosses_below, between, rising, falling (or use all, any, not)")]
    [InlineData("""{"rules": {"exit_long": {"op": ">", "left": "close", "right": 1}}}""", "rules",
        "needs at least one of enter_long and enter_short")]
    [InlineData("""{"sizing": 1}""", "sizing",
        "must be one of {fraction: 0..1}, {notional: usdt} or {risk_pct: percent of equity lost at the stop}")]
    [InlineData("""{"sizing": {"fraction": "all"}}""", "sizing.fraction",
        "must be a number or a $parameter")]
    [InlineData("""{"sizing": {"fraction": 0}}""", "sizing.fraction",
        "must be greater than 0 and at most 1")]
    [InlineData("""{"sizing": {"notional": 0}}""", "sizing.notional",
        "must be greater than 0 and at most 1000000000000")]
    [InlineData("""{"sizing": {"percent": 1}}""", "sizing.percent",
        "must be one of {fraction: 0..1}, {notional: usdt} or {risk_pct: percent of equity lost at the stop}")]
    [InlineData("""{"sizing": {"risk_pct": 0, "x": 1}}""", "sizing",
        "must be one of {fraction: 0..1}, {notional: usdt} or {risk_pct: percent of equity lost at the stop}")]
    [InlineData("""{"sizing": {"risk_pct": 101}, "risk": {"stop_loss": {"percent": 2}}}""", "sizing.risk_pct",
        "must be greater than 0 and at most 100")]
    [InlineData("""{"sizing": {}}""", "sizing",
        "must be one of {fraction: 0..1}, {notional: usdt} or {risk_pct: percent of equity lost at the stop}")]
    [InlineData("""{"parameters": {"p": {"default": 5, "description": 7}}}""", "parameters.p.description",
        "must be a string")]
    [InlineData("""{"parameters": {"p": {"default": 5, "integer": "yes"}}}""", "parameters.p.integer",
        "must be true or false")]
    [InlineData("""{"indicators": {"x": {"type": 5}}}""", "indicators.x.type",
        "must be one of: sma, ema, wma, rsi, macd, bollinger, stddev, zscore, highest, lowest, roc, atr, adx, stochastic, vwap, donchian")]
    [InlineData("""{"indicators": {"Fast": {"type": "nope"}}}""", "indicators.Fast",
        "names are lower case letters, digits and underscores, starting with a letter, at most 32 characters")]
    [InlineData("""{"indicators": {"open": {"type": "nope"}}}""", "indicators.open",
        "'open' is a price field; give the indicator another name")]
    [InlineData("""{"parameters": {"P": {"default": "x"}}}""", "parameters.P",
        "names are lower case letters, digits and underscores, starting with a letter, at most 32 characters")]
    public void EachPartNamesItsOwnErrors(string json, string path, string message)
    {
        using var document = JsonDocument.Parse(json);
        var merged = JsonSerializer.SerializeToElement(
            document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value)
                .Append(KeyValuePair.Create("rules", JsonDocument.Parse("""{"enter_long": {"left": "close", "op": ">", "right": 0}}""").RootElement))
                .GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.First().Value));

        var errors = StrategyCatalog.Define(merged).Errors;

        Assert.True(errors.ContainsKey(path), $"expected an error at {path}, got: {string.Join("; ", errors.Select(e => $"{e.Key}: {e.Value}"))}");
        Assert.Equal(message, errors[path]);
        Assert.True(errors.Count == 1 || path.EndsWith(".source", StringComparison.Ordinal), $"one error expected, got: {string.Join("; ", errors)}");
    }

    [Fact]
    public void IndicatorsMayReadOnesWrittenAfterThem()
    {
        // Stored documents come back with their keys reordered (PostgreSQL's jsonb), so order must not matter; a chain
        // read once is not a circle when a later indicator reads it again.
        var errors = Errors("""
            {"indicators": {"smooth": {"type": "sma", "period": 3, "source": "rsi"}, "rsi": {"type": "rsi", "source": "mid"}, "mid": {"type": "ema", "source": "hl2"},
                            "signal": {"type": "ema", "period": 5, "source": "smooth"}},
             "rules": {"enter_long": {"left": "smooth", "op": "<", "right": "signal"}}}
            """);

        Assert.Empty(errors);
    }

    [Fact]
    public void AParameterOutOfPlaceIsNamedWhereItIsUsed()
    {
        var definition = StrategyCatalog.Define(JsonDocument.Parse("""
            {"parameters": {"n": 10},
             "indicators": {"avg": {"type": "sma", "period": "$n"}},
             "rules": {"enter_long": {"left": "close", "op": ">", "right": "avg"}}}
            """).RootElement).Value!;

        var result = StrategyCatalog.Validate(definition, new Dictionary<string, double> { ["n"] = 2.5 });

        Assert.Equal("must be a whole number from 1 to 10000 (parameter n is 2.5)", result.Errors["indicators.avg.period"]);
    }

    [Theory]
    [InlineData("""{"default": 2, "min": 2, "max": 9}""")]
    [InlineData("""{"default": 9, "min": 2, "max": 9}""")]
    [InlineData("""{"default": 4, "min": 4, "max": 4, "integer": true}""")]
    [InlineData("""{"default": 4, "integer": false, "description": "any number"}""")]
    public void AParameterAtItsBoundsIsAccepted(string declaration) =>
        Assert.Empty(Errors("""{"parameters": {"p": """ + declaration + """}, "rules": {"enter_long": {"left": "close", "op": ">", "right": "$p"}}}"""));

    [Theory]
    [InlineData(2, null)]
    [InlineData(9, null)]
    [InlineData(1.5, "must be between 2 and 9")]
    [InlineData(9.5, "must be between 2 and 9")]
    [InlineData(double.NaN, "must be a number")]
    public void ARunsValueIsCheckedAgainstTheDeclaredBounds(double value, string? message)
    {
        var definition = StrategyCatalog.Define(JsonDocument.Parse("""
            {"parameters": {"p": {"default": 3, "min": 2, "max": 9}}, "rules": {"enter_long": {"left": "close", "op": ">", "right": "$p"}}}
            """).RootElement).Value!;

        var errors = StrategyCatalog.Validate(definition, new Dictionary<string, double> { ["p"] = value }).Errors;

        Assert.Equal(message is null ? [] : new Dictionary<string, string> { ["p"] = message }, errors);
    }

    [Fact]
    public void LimitsBoundTheSizeOfADocument()
    {
        var parameters = string.Join(',', Enumerable.Range(0, 33).Select(i => $"\"p{i}\": {i}"));
        Assert.Equal("at most 32 parameters", Errors("{\"parameters\": {" + parameters + "}}")["parameters"]);

        var indicators = string.Join(',', Enumerable.Range(0, 33).Select(i => $"\"i{i}\": {{\"type\": \"sma\"}}"));
        Assert.Equal("at most 32 indicators", Errors("{\"indicators\": {" + indicators + "}}")["indicators"]);

        const string Leaf = """{"left": "close", "op": ">", "right": 1}""";
        static string Rule(string condition) => "{\"rules\": {\"enter_long\": " + condition + "}}";
        static string Nots(int count) => Enumerable.Range(0, count).Aggregate(Leaf, (inner, _) => $$"""{"not": {{inner}}}""");
        static string Alls(int count) => Enumerable.Range(0, count).Aggregate(Leaf, (inner, _) => $$"""{"all": [{{inner}}]}""");
        Assert.Empty(Errors(Rule(Nots(7))));
        Assert.Equal(("rules.enter_long" + string.Concat(Enumerable.Repeat(".not", 8)), "conditions nest at most 8 deep"), Pair(Assert.Single(Errors(Rule(Nots(8))))));
        Assert.Equal("conditions nest at most 8 deep", Assert.Single(Errors(Rule(Nots(9)))).Value);
        Assert.Empty(Errors(Rule(Alls(7))));
        Assert.Equal(("rules.enter_long" + string.Concat(Enumerable.Repeat(".all[0]", 7)) + ".all", "conditions nest at most 8 deep"), Pair(Assert.Single(Errors(Rule(Alls(8))))));

        // The any counts as one of the 64.
        Assert.Empty(Errors(Rule("{\"any\": [" + string.Join(',', Enumerable.Repeat(Leaf, 63)) + "]}")));
        var wide = Errors(Rule("{\"any\": [" + string.Join(',', Enumerable.Repeat(Leaf, 64)) + "]}"));
        Assert.Equal(("rules.enter_long.any[63]", "a rule has at most 64 conditions"), (Assert.Single(wide).Key, wide.Single().Value));
    }
}
