using System.Text.Json.Nodes;

namespace Platform.Engine.Rules;

/// <summary>
/// The rule language as a JSON Schema (draft 2020-12), built from the indicator catalog so that it always lists what the
/// parser accepts. Limits that need a run (a parameter's value inside a period) are checked by validation, not here.
/// </summary>
public static class RuleSchema
{
    public static JsonObject Build()
    {
        var number = new JsonObject { ["oneOf"] = new JsonArray(new JsonObject { ["type"] = "number" }, Ref("parameter")) };
        // Not starting with $, so that a parameter matches only the parameter branch of an operand's oneOf.
        var series = new JsonObject
        {
            ["type"] = "string",
            ["pattern"] = "^[a-z][a-z0-9_]{0,31}(\\.[a-z_]+)?$",
            ["description"] = $"A price field ({string.Join(", ", PriceFields.Names)}) or an indicator, optionally with its output (bb.upper).",
        };
        return new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["title"] = "Rule strategy",
            ["type"] = "object",
            ["additionalProperties"] = false,
            ["required"] = new JsonArray("rules"),
            ["properties"] = new JsonObject
            {
                ["description"] = new JsonObject { ["type"] = "string" },
                ["parameters"] = new JsonObject
                {
                    ["type"] = "object",
                    ["maxProperties"] = RuleLimits.MaxParameters,
                    ["description"] = "Named placeholders, written $name where a number goes; a run, a grid or a search sets them.",
                    ["additionalProperties"] = new JsonObject
                    {
                        ["oneOf"] = new JsonArray(
                            new JsonObject { ["type"] = "number" },
                            new JsonObject { ["type"] = "boolean" },
                            new JsonObject
                            {
                                ["type"] = "object",
                                ["required"] = new JsonArray("default"),
                                ["additionalProperties"] = false,
                                ["properties"] = new JsonObject
                                {
                                    ["default"] = new JsonObject { ["type"] = new JsonArray("number", "boolean") },
                                    ["min"] = new JsonObject { ["type"] = "number" },
                                    ["max"] = new JsonObject { ["type"] = "number" },
                                    ["integer"] = new JsonObject { ["type"] = "boolean" },
                                    ["greater_than"] = new JsonObject { ["type"] = "string" },
                                    ["description"] = new JsonObject { ["type"] = "string" },
                                },
                            }),
                    },
                },
                ["indicators"] = new JsonObject
                {
                    ["type"] = "object",
                    ["maxProperties"] = RuleLimits.MaxIndicators,
                    ["propertyNames"] = new JsonObject { ["pattern"] = "^[a-z][a-z0-9_]{0,31}$" },
                    ["additionalProperties"] = new JsonObject { ["oneOf"] = new JsonArray([.. IndicatorTypes.All.Select(Indicator)]) },
                },
                ["rules"] = new JsonObject
                {
                    ["type"] = "object",
                    ["additionalProperties"] = false,
                    ["minProperties"] = 1,
                    ["properties"] = new JsonObject
                    {
                        ["enter_long"] = Ref("condition"),
                        ["exit_long"] = Ref("condition"),
                        ["enter_short"] = Ref("condition"),
                        ["exit_short"] = Ref("condition"),
                    },
                },
                ["risk"] = new JsonObject
                {
                    ["type"] = "object",
                    ["additionalProperties"] = false,
                    ["properties"] = new JsonObject
                    {
                        ["stop_loss"] = Ref("distance"),
                        ["trailing_stop"] = Ref("distance"),
                        ["take_profit"] = Ref("distance"),
                        ["max_bars"] = number.DeepClone(),
                    },
                },
                ["sizing"] = new JsonObject
                {
                    ["type"] = "object",
                    ["minProperties"] = 1,
                    ["maxProperties"] = 1,
                    ["additionalProperties"] = false,
                    ["properties"] = new JsonObject
                    {
                        ["fraction"] = number.DeepClone(),
                        ["notional"] = number.DeepClone(),
                        ["risk_pct"] = number.DeepClone(),
                    },
                },
                ["pyramiding"] = number.DeepClone(),
                ["funding"] = new JsonObject
                {
                    ["type"] = "object",
                    ["required"] = new JsonArray("rate_per_8h"),
                    ["additionalProperties"] = false,
                    ["properties"] = new JsonObject { ["rate_per_8h"] = number.DeepClone() },
                },
            },
            ["$defs"] = new JsonObject
            {
                ["parameter"] = new JsonObject { ["type"] = "string", ["pattern"] = "^\\$[a-z][a-z0-9_]{0,31}$" },
                ["operand"] = new JsonObject
                {
                    ["oneOf"] = new JsonArray(
                        new JsonObject { ["type"] = "number" },
                        Ref("parameter"),
                        series.DeepClone(),
                        new JsonObject
                        {
                            ["type"] = "object",
                            ["required"] = new JsonArray("ref"),
                            ["additionalProperties"] = false,
                            ["properties"] = new JsonObject { ["ref"] = series.DeepClone(), ["bars_ago"] = number.DeepClone() },
                        }),
                },
                ["condition"] = new JsonObject
                {
                    ["oneOf"] = new JsonArray(
                        Combinator("all"),
                        Combinator("any"),
                        new JsonObject
                        {
                            ["type"] = "object",
                            ["required"] = new JsonArray("not"),
                            ["additionalProperties"] = false,
                            ["properties"] = new JsonObject { ["not"] = Ref("condition") },
                        },
                        Comparison(new JsonArray(">", "<", ">=", "<=", "crosses_above", "crosses_below"), "right"),
                        Comparison(new JsonArray("between"), "low", "high"),
                        Comparison(new JsonArray("rising", "falling"), "bars")),
                },
                ["distance"] = new JsonObject
                {
                    ["oneOf"] = new JsonArray(
                        new JsonObject
                        {
                            ["type"] = "object",
                            ["required"] = new JsonArray("percent"),
                            ["additionalProperties"] = false,
                            ["properties"] = new JsonObject { ["percent"] = number.DeepClone() },
                        },
                        new JsonObject
                        {
                            ["type"] = "object",
                            ["required"] = new JsonArray("atr"),
                            ["additionalProperties"] = false,
                            ["properties"] = new JsonObject { ["atr"] = number.DeepClone(), ["period"] = number.DeepClone() },
                        }),
                },
            },
        };
    }

    private static JsonObject Ref(string name) => new() { ["$ref"] = $"#/$defs/{name}" };

    private static JsonObject Combinator(string key) => new()
    {
        ["type"] = "object",
        ["required"] = new JsonArray(key),
        ["additionalProperties"] = false,
        ["properties"] = new JsonObject
        {
            [key] = new JsonObject { ["type"] = "array", ["minItems"] = 1, ["maxItems"] = RuleLimits.MaxConditions, ["items"] = Ref("condition") },
        },
    };

    private static JsonObject Comparison(JsonArray operators, params string[] operands)
    {
        var properties = new JsonObject { ["op"] = new JsonObject { ["enum"] = operators }, ["left"] = Ref("operand") };
        foreach (var operand in operands)
        {
            properties[operand] = operand == "bars" ? new JsonObject { ["oneOf"] = new JsonArray(new JsonObject { ["type"] = "integer" }, Ref("parameter")) } : Ref("operand");
        }
        return new JsonObject
        {
            ["type"] = "object",
            ["required"] = new JsonArray([.. new[] { "op", "left" }.Concat(operands.Where(o => o != "bars")).Select(o => (JsonNode)o)]),
            ["additionalProperties"] = false,
            ["properties"] = properties,
        };
    }

    private static JsonObject Indicator(IndicatorType type)
    {
        var properties = new JsonObject
        {
            ["type"] = new JsonObject { ["const"] = type.Name },
            ["timeframe"] = new JsonObject { ["enum"] = new JsonArray("1", "3", "5", "15", "30", "60", "120", "240", "360", "720", "D", "W", "M") },
        };
        if (type.TakesSource)
        {
            properties["source"] = new JsonObject { ["type"] = "string", ["default"] = "close" };
        }
        foreach (var argument in type.Arguments)
        {
            properties[argument.Name] = new JsonObject
            {
                ["description"] = argument.Description,
                ["default"] = argument.Default,
                ["oneOf"] = new JsonArray(
                    new JsonObject
                    {
                        ["type"] = argument.IsInteger ? "integer" : "number",
                        ["minimum"] = argument.Min,
                        ["maximum"] = argument.Max,
                    },
                    Ref("parameter")),
            };
        }
        return new JsonObject
        {
            ["title"] = type.Name,
            ["description"] = $"{type.Description} Outputs: {string.Join(", ", type.Outputs)}.",
            ["type"] = "object",
            ["required"] = new JsonArray("type"),
            ["additionalProperties"] = false,
            ["properties"] = properties,
        };
    }
}
