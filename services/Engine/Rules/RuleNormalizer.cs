using System.Text.Json;
using System.Text.Json.Nodes;

namespace Platform.Engine.Rules;

/// <summary>
/// A checked document in its complete form: parameters in their long form, every indicator with its source and every
/// argument (defaults written out), and the rest as given. Equal strategies normalise to equal documents.
/// </summary>
internal static class RuleNormalizer
{
    public static JsonObject Normalize(RuleDocument document, JsonElement original)
    {
        var normalized = JsonNode.Parse(original.GetRawText())!.AsObject();
        var parameters = new JsonObject();
        foreach (var parameter in document.Parameters)
        {
            var declaration = new JsonObject
            {
                ["default"] = parameter.IsFlag ? JsonValue.Create(parameter.Default != 0) : JsonValue.Create(parameter.Default),
            };
            if (!parameter.IsFlag)
            {
                AddBound(declaration, "min", parameter.Min);
                AddBound(declaration, "max", parameter.Max);
                declaration["integer"] = parameter.IsInteger;
            }
            if (parameter.GreaterThan is { } lower)
            {
                declaration["greater_than"] = lower;
            }
            declaration["description"] = parameter.Description;
            parameters[parameter.Name] = declaration;
        }
        normalized["parameters"] = parameters;
        var indicators = new JsonObject();
        foreach (var indicator in document.Indicators)
        {
            var written = new JsonObject { ["type"] = indicator.Type.Name };
            if (indicator.Source is { } source)
            {
                written["source"] = source.ToString();
            }
            if (indicator.Timeframe is { } timeframe)
            {
                written["timeframe"] = timeframe.Code;
            }
            foreach (var argument in indicator.Type.Arguments)
            {
                var value = indicator.Arguments[argument.Name];
                written[argument.Name] = value.Parameter is { } name ? JsonValue.Create($"${name}") : JsonValue.Create(value.Literal);
            }
            indicators[indicator.Name] = written;
        }
        normalized["indicators"] = indicators;
        return normalized;
    }

    private static void AddBound(JsonObject declaration, string key, double bound)
    {
        if (bound is not (double.MinValue or double.MaxValue))
        {
            declaration[key] = bound;
        }
    }
}
