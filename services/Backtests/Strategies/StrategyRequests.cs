using System.Text.Json;
using System.Text.Json.Nodes;

namespace Platform.Backtests.Strategies;

/// <summary>The body of <c>POST /api/v1/strategies/</c>; <see cref="Config"/> holds the type's default parameters.</summary>
internal sealed record CreateStrategyRequest(string? Name, string? Description, string? StrategyType, JsonElement? Config, bool? IsActive)
{
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        StrategyFields.CheckName(Name ?? "", errors);
        StrategyFields.CheckDescription(Description, errors);
        StrategyFields.CheckType(StrategyType ?? "", errors);
        StrategyConfig.CheckObject(Config, StrategyConfig.ConfigField, errors);
        return errors;
    }

    public JsonObject? ConfigObject() => StrategyConfig.ToObject(Config);
}

/// <summary>
/// The body of <c>PUT /api/v1/strategies/{id}</c>: absent or null fields are kept. <see cref="Config"/> goes on top of the
/// stored parameters; with a new <see cref="StrategyType"/> it replaces them (the stored ones when absent) and is checked
/// against the new type's schema.
/// </summary>
internal sealed record UpdateStrategyRequest(string? Name, string? Description, string? StrategyType, JsonElement? Config, bool? IsActive)
{
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (Name is not null)
        {
            StrategyFields.CheckName(Name, errors);
        }
        StrategyFields.CheckDescription(Description, errors);
        if (StrategyType is not null)
        {
            StrategyFields.CheckType(StrategyType, errors);
        }
        StrategyConfig.CheckObject(Config, StrategyConfig.ConfigField, errors);
        return errors;
    }

    public JsonObject? ConfigObject() => StrategyConfig.ToObject(Config);
}

/// <summary>
/// The shape rules of the <c>strategies</c> columns (docs/api-behaviour.md, 2.1); a broken rule is a 400. PostgreSQL text cannot hold
/// NUL characters, so they are refused here rather than failing the insert.
/// </summary>
internal static class StrategyFields
{
    public const int NameMaxLength = 255;

    public static void CheckName(string name, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > NameMaxLength || name.Contains('\0'))
        {
            errors["name"] = [$"name is required: 1 to {NameMaxLength} characters, not only spaces, no NUL characters."];
        }
    }

    public static void CheckDescription(string? description, Dictionary<string, string[]> errors)
    {
        if (description?.Contains('\0') == true)
        {
            errors["description"] = ["description must not contain NUL characters."];
        }
    }

    public static void CheckType(string strategyType, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(strategyType))
        {
            errors["strategy_type"] = ["strategy_type is required: one of the types listed at /api/v1/strategies/types."];
        }
    }
}
