using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Engine.Data;
using Platform.Engine.Indicators;
using Platform.Engine.Strategies;
using Platform.Engine.Tests.Support;

namespace Platform.Engine.Tests.Rules;

/// <summary>
/// The engine evaluates a condition over the whole series at once, with a loop per shape and relation, mirrored operands,
/// shared sub-conditions and lagged views. This test reads the same randomly written conditions one bar at a time,
/// straight from the document, the way its definition in docs/strategy-language.md reads, and demands the same answer at
/// every bar. Prices move in whole steps so that ties, where &gt; and &gt;= part ways, are common.
/// </summary>
public sealed class ConditionsAgreeWithABarByBarReading
{
    private static readonly string[] Fields = ["open", "high", "low", "close", "hl2", "hlc3", "ohlc4"];
    private static readonly string[] Relations = [">", "<", ">=", "<=", "crosses_above", "crosses_below"];
    private const int SmaPeriod = 3;

    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, 40)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void EveryBarMatches(int seed)
    {
        var random = new Random(seed);
        var candles = WholeStepWalk(random, 120);
        var reading = new BarReading(candles);
        for (var document = 0; document < 10; document++)
        {
            // Four rules at once: equal conditions are evaluated once and shared, and conditions that differ in one
            // detail only (an operator, an operand, a lag) must stay apart.
            var conditions = Rules.Select(_ => RandomCondition(random, depth: 0)).ToArray();
            conditions[1] = Variant(conditions[0], random);
            if (random.Next(3) == 0)
            {
                conditions[3] = conditions[0].DeepClone();
            }

            var engine = Signals(candles, conditions);

            for (var rule = 0; rule < Rules.Length; rule++)
            {
                for (var bar = 0; bar < candles.Count; bar++)
                {
                    Assert.True(
                        ((engine[bar] & Rules[rule].Bit) != 0) == reading.Holds(conditions[rule], bar),
                        $"bar {bar}: {Rules[rule].Name} {conditions[rule].ToJsonString()}");
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void TheWarmUpIsTheFirstBarFromWhichNothingReadIsUndefined(int seed)
    {
        var random = new Random(seed);
        var candles = WholeStepWalk(random, 120);
        var reading = new BarReading(candles);
        for (var document = 0; document < 10; document++)
        {
            var conditions = Rules.Select(_ => RandomCondition(random, depth: 0)).ToArray();

            var warmUp = WarmUp(conditions);

            var lastUndefined = Enumerable.Range(0, candles.Count).LastOrDefault(bar => conditions.Any(condition => reading.ReadsUndefined(condition, bar)), -1);
            Assert.True(warmUp == lastUndefined + 1, $"warm-up {warmUp}, last bar reading an undefined value {lastUndefined}: {string.Join(" | ", conditions.Select(c => c.ToJsonString()))}");
        }
    }

    [Fact]
    public void TheRandomConditionsHoldAndFailAtRealisticRates()
    {
        var random = new Random(7);
        var candles = WholeStepWalk(random, 120);
        var rates = Enumerable.Range(0, 200)
            .Select(_ => EnterLong(candles, RandomCondition(random, depth: 0)))
            .Select(mask => mask.Count(holds => holds) / (double)mask.Length)
            .ToArray();

        Assert.InRange(rates.Count(rate => rate > 0 && rate < 1), 100, 200);
    }

    private static readonly (string Name, byte Bit)[] Rules =
        [("enter_long", Signal.EnterLong), ("exit_long", Signal.ExitLong), ("enter_short", Signal.EnterShort), ("exit_short", Signal.ExitShort)];

    private static bool[] EnterLong(CandleSeries candles, JsonNode condition) =>
        [.. Signals(candles, [condition, .. Rules.Skip(1).Select(_ => (JsonNode)new JsonObject { ["op"] = ">", ["left"] = "close", ["right"] = 0 })])
            .Select(signal => (signal & Signal.EnterLong) != 0)];

    private static byte[] Signals(CandleSeries candles, JsonNode[] conditions)
    {
        var document = new JsonObject
        {
            ["indicators"] = new JsonObject { ["m"] = new JsonObject { ["type"] = "sma", ["period"] = SmaPeriod } },
            ["rules"] = new JsonObject(Rules.Select((rule, index) => KeyValuePair.Create(rule.Name, (JsonNode?)conditions[index].DeepClone()))),
        };
        var definition = StrategyCatalog.Define(JsonDocument.Parse(document.ToJsonString()).RootElement);
        Assert.True(definition.Errors.Count == 0, $"{document.ToJsonString()}: {string.Join("; ", definition.Errors)}");
        var signals = new byte[candles.Count];
        StrategyCatalog.Validate(definition.Value!, new Dictionary<string, double>()).Value!.Bind().Signals.Write(new IndicatorCache(candles), signals);
        return signals;
    }

    private static int WarmUp(JsonNode[] conditions)
    {
        var document = new JsonObject
        {
            ["indicators"] = new JsonObject { ["m"] = new JsonObject { ["type"] = "sma", ["period"] = SmaPeriod } },
            ["rules"] = new JsonObject(Rules.Select((rule, index) => KeyValuePair.Create(rule.Name, (JsonNode?)conditions[index].DeepClone()))),
        };
        var definition = StrategyCatalog.Define(JsonDocument.Parse(document.ToJsonString()).RootElement).Value!;
        return definition.WarmUpBars(StrategyCatalog.Validate(definition, new Dictionary<string, double>()).Value!.Parameters, Bars.Minute);
    }

    private static CandleSeries WholeStepWalk(Random random, int count)
    {
        var rows = new (double, double, double, double)[count];
        var close = 100.0;
        for (var i = 0; i < count; i++)
        {
            var open = close;
            close += random.Next(-2, 3);
            rows[i] = (open, Math.Max(open, close) + random.Next(0, 2), Math.Min(open, close) - random.Next(0, 2), close);
        }
        return Bars.Of(rows);
    }

    private static JsonNode RandomCondition(Random random, int depth)
    {
        var pick = random.Next(depth < 2 ? 8 : 5);
        return pick switch
        {
            < 3 => new JsonObject { ["op"] = Relations[random.Next(Relations.Length)], ["left"] = Operand(random), ["right"] = Operand(random) },
            3 => new JsonObject { ["op"] = "between", ["left"] = Operand(random), ["low"] = Operand(random), ["high"] = Operand(random) },
            4 => new JsonObject { ["op"] = random.Next(2) == 0 ? "rising" : "falling", ["left"] = SeriesOperand(random), ["bars"] = random.Next(1, 4) },
            5 => new JsonObject { ["not"] = RandomCondition(random, depth + 1) },
            _ => new JsonObject
            {
                [pick == 6 ? "all" : "any"] = new JsonArray([.. Enumerable.Range(0, random.Next(1, 4)).Select(_ => RandomCondition(random, depth + 1))]),
            },
        };
    }

    /// <summary>The condition with one detail changed somewhere in its tree.</summary>
    private static JsonNode Variant(JsonNode condition, Random random)
    {
        var changed = condition.DeepClone().AsObject();
        if (changed["not"] is { } inner)
        {
            changed["not"] = Variant(inner, random);
        }
        else if (changed["all"] is JsonArray || changed["any"] is JsonArray)
        {
            var key = changed["all"] is not null ? "all" : "any";
            var items = changed[key]!.AsArray();
            if (items.Count > 1 && random.Next(2) == 0)
            {
                changed.Remove(key);
                changed[key == "all" ? "any" : "all"] = items;
            }
            else
            {
                items[0] = Variant(items[0]!, random);
            }
        }
        else
        {
            var op = (string)changed["op"]!;
            switch (op)
            {
                case "between":
                    (changed["low"], changed["high"]) = (changed["high"]!.DeepClone(), changed["low"]!.DeepClone());
                    break;
                case "rising" or "falling":
                    if (random.Next(2) == 0)
                    {
                        changed["op"] = op == "rising" ? "falling" : "rising";
                    }
                    else
                    {
                        changed["bars"] = (int)changed["bars"]! + 1;
                    }
                    break;
                default:
                    if (random.Next(2) == 0)
                    {
                        changed["op"] = Relations[(Array.IndexOf(Relations, op) + random.Next(1, Relations.Length)) % Relations.Length];
                    }
                    else
                    {
                        changed["right"] = Lagged(changed["right"]!);
                    }
                    break;
            }
        }
        return changed;
    }

    /// <summary>The operand one bar further back (a constant has no past, so it moves by one instead).</summary>
    private static JsonNode Lagged(JsonNode operand) => operand switch
    {
        JsonObject reference => new JsonObject { ["ref"] = reference["ref"]!.DeepClone(), ["bars_ago"] = (int)reference["bars_ago"]! + 1 },
        JsonValue value when value.GetValueKind() == JsonValueKind.Number => JsonValue.Create((double)value + 1),
        _ => new JsonObject { ["ref"] = operand.DeepClone(), ["bars_ago"] = 1 },
    };

    private static JsonNode Operand(Random random) =>
        random.Next(4) == 0 ? JsonValue.Create(random.Next(96, 105) + (random.Next(2) == 0 ? 0 : 0.5)) : SeriesOperand(random);

    private static JsonNode SeriesOperand(Random random)
    {
        var name = random.Next(5) == 0 ? "m" : Fields[random.Next(Fields.Length)];
        return random.Next(3) == 0 ? new JsonObject { ["ref"] = name, ["bars_ago"] = random.Next(0, 4) } : JsonValue.Create(name);
    }

    /// <summary>A condition read at one bar from its definition; a value before the first bar or in a warm-up is undefined (NaN) and compares false.</summary>
    private sealed class BarReading(CandleSeries candles)
    {
        private readonly (double Open, double High, double Low, double Close)[] rows = Bars.Rows(candles);

        public bool Holds(JsonNode condition, int bar)
        {
            var node = condition.AsObject();
            if (node["all"] is JsonArray all)
            {
                return all.All(item => Holds(item!, bar));
            }
            if (node["any"] is JsonArray any)
            {
                return any.Any(item => Holds(item!, bar));
            }
            if (node["not"] is { } inner)
            {
                return !Holds(inner, bar);
            }
            var left = node["left"]!;
            return (string)node["op"]! switch
            {
                "between" => Value(left, bar) >= Value(node["low"]!, bar) && Value(left, bar) <= Value(node["high"]!, bar),
                "rising" => Enumerable.Range(0, (int)node["bars"]!).All(back => Value(left, bar - back) > Value(left, bar - back - 1)),
                "falling" => Enumerable.Range(0, (int)node["bars"]!).All(back => Value(left, bar - back) < Value(left, bar - back - 1)),
                "crosses_above" => Compare(">", left, node["right"]!, bar) && Compare("<=", left, node["right"]!, bar - 1),
                "crosses_below" => Compare("<", left, node["right"]!, bar) && Compare(">=", left, node["right"]!, bar - 1),
                var relation => Compare(relation, left, node["right"]!, bar),
            };
        }

        /// <summary>
        /// Whether deciding the condition at the bar reads a value that is undefined there: in a warm-up, or before the
        /// first bar (a constant too, as a crossing's previous bar). Every operand is read, none skipped.
        /// </summary>
        public bool ReadsUndefined(JsonNode condition, int bar)
        {
            var node = condition.AsObject();
            if (node["all"] is JsonArray all)
            {
                return all.Any(item => ReadsUndefined(item!, bar));
            }
            if (node["any"] is JsonArray any)
            {
                return any.Any(item => ReadsUndefined(item!, bar));
            }
            if (node["not"] is { } inner)
            {
                return ReadsUndefined(inner, bar);
            }
            var left = node["left"]!;
            return (string)node["op"]! switch
            {
                "between" => Undefined(left, bar) || Undefined(node["low"]!, bar) || Undefined(node["high"]!, bar),
                "rising" or "falling" => Enumerable.Range(0, (int)node["bars"]! + 1).Any(back => Undefined(left, bar - back)),
                "crosses_above" or "crosses_below" => new[] { bar, bar - 1 }.Any(at => Undefined(left, at) || Undefined(node["right"]!, at)),
                _ => Undefined(left, bar) || Undefined(node["right"]!, bar),
            };
        }

        private bool Undefined(JsonNode operand, int bar) => bar < 0 || double.IsNaN(Value(operand, bar));

        private bool Compare(string relation, JsonNode left, JsonNode right, int bar)
        {
            if (bar < 0)
            {
                return false;
            }
            var (a, b) = (Value(left, bar), Value(right, bar));
            return relation switch
            {
                ">" => a > b,
                "<" => a < b,
                ">=" => a >= b,
                _ => a <= b,
            };
        }

        private double Value(JsonNode operand, int bar)
        {
            if (operand is JsonObject reference)
            {
                return Value(reference["ref"]!, bar - (int)reference["bars_ago"]!);
            }
            if (operand.GetValueKind() == JsonValueKind.Number)
            {
                return (double)operand;
            }
            if (bar < 0)
            {
                return double.NaN;
            }
            var (open, high, low, close) = rows[bar];
            return (string)operand! switch
            {
                "open" => open,
                "high" => high,
                "low" => low,
                "close" => close,
                "hl2" => (high + low) / 2,
                "hlc3" => (high + low + close) / 3,
                "ohlc4" => (open + high + low + close) / 4,
                _ => bar < SmaPeriod - 1 ? double.NaN : Enumerable.Range(bar - SmaPeriod + 1, SmaPeriod).Sum(i => rows[i].Close) / SmaPeriod,
            };
        }
    }
}
