using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Engine.Rules;
using Platform.Engine.Strategies;

namespace Platform.Backtests.Strategies;

/// <summary>
/// A strategy type as <c>GET /api/v1/strategies/types</c> lists it: each shipped type with its parameters, and
/// <c>rules</c>, whose <see cref="ConfigSchema"/> is the rule language's JSON Schema, with example documents.
/// </summary>
internal sealed record StrategyTypeView(
    string Name, string Description, IReadOnlyList<ParameterView> Parameters, JsonObject ConfigSchema, IReadOnlyList<StrategyExample> Examples)
{
    public static IReadOnlyList<StrategyTypeView> All { get; } =
    [
        .. StrategyCatalog.Default.Strategies.Select(Shipped),
        new(
            StrategyCatalog.RulesType,
            "A strategy written in the rule language: indicators, conditions, rules to enter and exit long and short, and trade management. "
            + "The shipped types are written in it too; their documents are among the examples.",
            [],
            RuleSchema.Build(),
            [
                .. RuleLibrary.Examples().Select(example => new StrategyExample(example.Key, Text(example.Value, "description"), example.Value)),
                .. StrategyCatalog.Default.Strategies.Select(shipped => new StrategyExample(shipped.Name, shipped.Description, shipped.Document)),
            ]),
    ];

    private static StrategyTypeView Shipped(StrategyDefinition definition)
    {
        var properties = new JsonObject();
        foreach (var parameter in definition.Parameters)
        {
            var property = new JsonObject
            {
                ["type"] = parameter.Type switch
                {
                    ParameterType.Int => "integer",
                    ParameterType.Decimal => "number",
                    _ => "boolean",
                },
                ["description"] = parameter.Description,
                ["default"] = JsonSerializer.SerializeToNode(parameter.Default),
            };
            if (parameter.Min is { } min)
            {
                property["minimum"] = min;
            }
            if (parameter.Max is { } max)
            {
                property["maximum"] = max;
            }
            properties[parameter.Name] = property;
        }
        var schema = new JsonObject { ["type"] = "object", ["additionalProperties"] = false, ["properties"] = properties };
        var defaults = JsonSerializer.SerializeToElement(definition.Parameters.ToDictionary(p => p.Name, p => p.Default));
        return new(definition.Name, definition.Description, [.. definition.Parameters.Select(ParameterView.From)], schema,
            [new StrategyExample("defaults", "Every parameter at its default.", defaults)]);
    }

    private static string Text(JsonElement document, string key) =>
        document.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";
}

/// <summary>A configuration to start from.</summary>
internal sealed record StrategyExample(string Name, string Description, JsonElement Config);

/// <summary>One parameter: <see cref="Type"/> is <c>int</c>, <c>decimal</c> or <c>bool</c>.</summary>
internal sealed record ParameterView(
    string Name,
    string Type,
    object Default,
    double? Min,
    double? Max,
    string Description)
{
    public static ParameterView From(ParameterSchema schema) => new(
        schema.Name,
        schema.Type switch
        {
            ParameterType.Int => "int",
            ParameterType.Decimal => "decimal",
            _ => "bool",
        },
        schema.Default,
        schema.Min,
        schema.Max,
        schema.Description);
}
