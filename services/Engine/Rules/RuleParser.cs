using System.Text.Json;
using System.Text.RegularExpressions;
using Platform.Engine.Data;
using Platform.Engine.Strategies;

namespace Platform.Engine.Rules;

/// <summary>
/// Reads a rule document from JSON, naming the JSON path of every error (<c>rules.enter_long.all[1].left</c>) so that a
/// service can answer 422 with them. The shape is checked here; parameter values are checked when a run binds them.
/// </summary>
internal sealed partial class RuleParser
{
    private static readonly string[] Sections = ["description", "parameters", "indicators", "rules", "risk", "sizing", "pyramiding", "funding"];

    private readonly SortedDictionary<string, string> errors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ParameterDeclaration> parameters = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IndicatorDeclaration> indicators = new(StringComparer.Ordinal);

    private RuleParser()
    {
    }

    public static ValidationResult<RuleDocument> Parse(JsonElement root)
    {
        var parser = new RuleParser();
        var document = parser.Read(root);
        return parser.errors.Count == 0 ? ValidationResult<RuleDocument>.Success(document!) : ValidationResult<RuleDocument>.Failure(parser.errors);
    }

    private RuleDocument? Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            Error("", "must be an object with rules (and optionally parameters, indicators, risk, sizing, pyramiding, funding)");
            return null;
        }
        foreach (var property in root.EnumerateObject())
        {
            if (!Sections.Contains(property.Name))
            {
                Error(property.Name, $"is not part of the rule language; expected {string.Join(", ", Sections)}");
            }
        }
        if (root.TryGetProperty("description", out var description) && description.ValueKind != JsonValueKind.String)
        {
            Error("description", "must be a string");
        }
        if (root.TryGetProperty("parameters", out var parameterSection))
        {
            ReadParameters(parameterSection);
        }
        if (root.TryGetProperty("indicators", out var indicatorSection))
        {
            ReadIndicators(indicatorSection);
        }
        var rules = root.TryGetProperty("rules", out var ruleSection) ? ReadRules(ruleSection) : MissingRules();
        var management = ReadManagement(root);
        return new RuleDocument([.. parameters.Values], [.. indicators.Values], rules, management);
    }

    private Dictionary<RuleKind, Condition> MissingRules()
    {
        Error("rules", "is required: at least one of enter_long and enter_short");
        return [];
    }

    private void ReadParameters(JsonElement section)
    {
        if (section.ValueKind != JsonValueKind.Object)
        {
            Error("parameters", "must be an object of name: default or name: {default, min, max, integer, greater_than, description}");
            return;
        }
        foreach (var property in section.EnumerateObject())
        {
            var path = $"parameters.{property.Name}";
            if (!IsName(property.Name, path))
            {
                continue;
            }
            if (parameters.Count == RuleLimits.MaxParameters)
            {
                Error("parameters", $"at most {RuleLimits.MaxParameters} parameters");
                return;
            }
            if (ReadParameter(property.Name, property.Value, path) is { } declaration)
            {
                parameters[property.Name] = declaration;
            }
        }
        foreach (var declaration in parameters.Values)
        {
            if (declaration.GreaterThan is { } lower && (!parameters.TryGetValue(lower, out var other) || other.IsFlag || lower == declaration.Name))
            {
                Error($"parameters.{declaration.Name}.greater_than", $"must name another numeric parameter, not '{lower}'");
            }
        }
    }

    private ParameterDeclaration? ReadParameter(string name, JsonElement value, string path)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Number:
                return new(name, value.GetDouble(), double.MinValue, double.MaxValue, false, false, null, "");
            case JsonValueKind.True or JsonValueKind.False:
                return new(name, value.GetBoolean() ? 1 : 0, 0, 1, true, true, null, "");
            case JsonValueKind.Object:
                break;
            default:
                Error(path, "must be a number, true/false, or {default, min, max, integer, greater_than, description}");
                return null;
        }
        foreach (var property in value.EnumerateObject())
        {
            if (property.Name is not ("default" or "min" or "max" or "integer" or "greater_than" or "description"))
            {
                Error($"{path}.{property.Name}", "is not a parameter field; expected default, min, max, integer, greater_than, description");
            }
        }
        if (!value.TryGetProperty("default", out var defaultValue) || defaultValue.ValueKind is not (JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False))
        {
            Error($"{path}.default", "is required: a number or true/false");
            return null;
        }
        value.TryGetProperty("description", out var d);
        if (d.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.String))
        {
            Error($"{path}.description", "must be a string");
        }
        var text = d.ValueKind == JsonValueKind.String ? d.GetString()! : "";
        if (defaultValue.ValueKind != JsonValueKind.Number)
        {
            return new(name, defaultValue.GetBoolean() ? 1 : 0, 0, 1, true, true, null, text);
        }
        var min = OptionalNumber(value, "min", path) ?? double.MinValue;
        var max = OptionalNumber(value, "max", path) ?? double.MaxValue;
        value.TryGetProperty("integer", out var i);
        if (i.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.True or JsonValueKind.False))
        {
            Error($"{path}.integer", "must be true or false");
        }
        var integer = i.ValueKind == JsonValueKind.True;
        var greaterThan = value.TryGetProperty("greater_than", out var g) ? g.ValueKind == JsonValueKind.String ? g.GetString() : g.GetRawText() : null;
        var declaration = new ParameterDeclaration(name, defaultValue.GetDouble(), min, max, integer, false, greaterThan, text);
        if (min > max)
        {
            Error($"{path}.max", "must not be below min");
        }
        else if (ParameterError(declaration, declaration.Default) is { } message)
        {
            Error($"{path}.default", message);
        }
        return declaration;
    }

    /// <summary>Why <paramref name="value"/> does not fit the declaration's own bounds, or null.</summary>
    public static string? ParameterError(ParameterDeclaration declaration, double value) =>
        !double.IsFinite(value) ? "must be a finite number"
        : declaration.IsInteger && value != Math.Round(value) ? "must be an integer"
        : value < declaration.Min || value > declaration.Max ? BoundsText(declaration.Min, declaration.Max)
        : null;

    /// <summary>A side left open (no min, no max) is not named: "at least 2" rather than "between 2 and 1.8E+308".</summary>
    private static string BoundsText(double min, double max) =>
        max == double.MaxValue ? $"must be at least {Numbers.Format(min)}"
        : min == double.MinValue ? $"must be at most {Numbers.Format(max)}"
        : $"must be between {Numbers.Format(min)} and {Numbers.Format(max)}";

    private double? OptionalNumber(JsonElement value, string key, string path)
    {
        if (!value.TryGetProperty(key, out var element))
        {
            return null;
        }
        if (element.ValueKind == JsonValueKind.Number && element.GetDouble() is var number && double.IsFinite(number))
        {
            return number;
        }
        Error($"{path}.{key}", "must be a number");
        return null;
    }

    private void ReadIndicators(JsonElement section)
    {
        if (section.ValueKind != JsonValueKind.Object)
        {
            Error("indicators", "must be an object of name: {type, source, timeframe, arguments...}");
            return;
        }
        var declared = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in section.EnumerateObject())
        {
            var path = $"indicators.{property.Name}";
            if (!IsName(property.Name, path))
            {
                continue;
            }
            if (PriceFields.IsField(property.Name))
            {
                Error(path, $"'{property.Name}' is a price field; give the indicator another name");
                continue;
            }
            if (declared.Count == RuleLimits.MaxIndicators)
            {
                Error("indicators", $"at most {RuleLimits.MaxIndicators} indicators");
                return;
            }
            declared[property.Name] = property.Value;
        }
        // Sources are read before the indicators that read them, whatever the order they were written (or stored) in.
        var reading = new List<string>();
        foreach (var name in declared.Keys)
        {
            ReadInOrder(name, declared, reading);
        }
    }

    private void ReadInOrder(string name, Dictionary<string, JsonElement> declared, List<string> reading)
    {
        if (indicators.ContainsKey(name) || errors.ContainsKey($"indicators.{name}.source"))
        {
            return;
        }
        var value = declared[name];
        if (value.ValueKind == JsonValueKind.Object && value.TryGetProperty("source", out var source) && source.ValueKind == JsonValueKind.String
            && source.GetString()!.Split('.')[0] is var inner && declared.ContainsKey(inner))
        {
            if (reading.Contains(inner) || inner == name)
            {
                Error($"indicators.{name}.source", $"indicators read each other in a circle: {string.Join(" → ", reading.Append(name).Append(inner))}");
                return;
            }
            reading.Add(name);
            ReadInOrder(inner, declared, reading);
            reading.RemoveAt(reading.Count - 1);
        }
        if (ReadIndicator(name, value, $"indicators.{name}") is { } declaration)
        {
            indicators[name] = declaration;
        }
    }

    private IndicatorDeclaration? ReadIndicator(string name, JsonElement value, string path)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            Error(path, "must be an object with a type");
            return null;
        }
        var typeName = value.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : null;
        if (typeName is null || !IndicatorTypes.ByName.TryGetValue(typeName, out var type))
        {
            Error($"{path}.type", $"must be one of: {string.Join(", ", IndicatorTypes.ByName.Keys)}");
            return null;
        }
        Interval? timeframe = null;
        if (value.TryGetProperty("timeframe", out var tf))
        {
            if (tf.ValueKind == JsonValueKind.String && Interval.TryParse(tf.GetString(), out var interval))
            {
                timeframe = interval;
            }
            else
            {
                Error($"{path}.timeframe", "must be a Bybit interval code: 1, 3, 5, 15, 30, 60, 120, 240, 360, 720, D, W or M");
            }
        }
        SeriesRef? source = null;
        if (value.TryGetProperty("source", out var s))
        {
            source = type.TakesSource ? ReadSource(s, $"{path}.source", timeframe) : null;
            if (!type.TakesSource)
            {
                Error($"{path}.source", $"{type.Name} reads the candles and takes no source");
            }
        }
        else if (type.TakesSource)
        {
            source = new SeriesRef("close", null);
        }
        var arguments = new Dictionary<string, NumberRef>(StringComparer.Ordinal);
        foreach (var property in value.EnumerateObject())
        {
            if (property.Name is "type" or "source" or "timeframe")
            {
                continue;
            }
            if (type.Arguments.FirstOrDefault(a => a.Name == property.Name) is null)
            {
                var expected = type.Arguments.Count == 0 ? "none" : string.Join(", ", type.Arguments.Select(a => a.Name));
                Error($"{path}.{property.Name}", $"is not an argument of {type.Name}; expected {expected}");
                continue;
            }
            if (ReadNumber(property.Value, $"{path}.{property.Name}") is { } number)
            {
                arguments[property.Name] = number;
            }
        }
        foreach (var argument in type.Arguments)
        {
            arguments.TryAdd(argument.Name, NumberRef.Of(argument.Default, $"{path}.{argument.Name}"));
        }
        return new IndicatorDeclaration(name, type, source, arguments, timeframe, path);
    }

    private SeriesRef? ReadSource(JsonElement value, string path, Interval? timeframe)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            Error(path, "must name a price field or another indicator");
            return null;
        }
        var series = ReadSeries(value.GetString()!, path);
        if (series is not null && indicators.TryGetValue(series.Name, out var inner) && inner.Timeframe != timeframe)
        {
            Error(path, $"'{series.Name}' is on another timeframe; an indicator's source must be on its own timeframe");
        }
        return series;
    }

    /// <summary>A price field, or an output of an indicator read so far.</summary>
    private SeriesRef? ReadSeries(string text, string path)
    {
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        var (name, output) = dot < 0 ? (text, null) : (text[..dot], text[(dot + 1)..]);
        if (PriceFields.IsField(name) && output is null)
        {
            return new SeriesRef(name, null);
        }
        if (!indicators.TryGetValue(name, out var indicator))
        {
            Error(path, $"'{text}' is neither a price field ({string.Join(", ", PriceFields.Names)}) nor a declared indicator");
            return null;
        }
        if (output is not null && !indicator.Type.Outputs.Contains(output))
        {
            Error(path, $"{indicator.Type.Name} has the outputs {string.Join(", ", indicator.Type.Outputs)}, not '{output}'");
            return null;
        }
        return new SeriesRef(name, output);
    }

    /// <summary>A literal number or a <c>$parameter</c>.</summary>
    private NumberRef? ReadNumber(JsonElement value, string path)
    {
        if (value.ValueKind == JsonValueKind.Number && value.GetDouble() is var number && double.IsFinite(number))
        {
            return NumberRef.Of(number, path);
        }
        if (value.ValueKind == JsonValueKind.String && value.GetString() is ['$', .. var name])
        {
            if (parameters.ContainsKey(name))
            {
                return new NumberRef(0, name, path);
            }
            Error(path, $"'${name}' is not declared in parameters");
            return null;
        }
        Error(path, "must be a number or a $parameter");
        return null;
    }

    private bool IsName(string name, string path)
    {
        if (NamePattern().IsMatch(name))
        {
            return true;
        }
        Error(path, $"names are lower case letters, digits and underscores, starting with a letter, at most {RuleLimits.MaxNameLength} characters");
        return false;
    }

    private void Error(string path, string message) => errors.TryAdd(path, message);

    [GeneratedRegex("^[a-z][a-z0-9_]{0,31}$")]
    private static partial Regex NamePattern();
}
