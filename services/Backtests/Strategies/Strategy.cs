using System.Text.Json.Serialization;
using Platform.Engine.Configuration;
using System.Text.Json.Nodes;

namespace Platform.Backtests.Strategies;

/// <summary>
/// A stored strategy: <see cref="Config"/> holds every parameter of a shipped type, defaults filled in, a <c>rules</c>
/// strategy's rule document, or a configuration of the original system as given. <see cref="Owner"/> is the name of the
/// caller who created it, null for strategies created before owners were recorded. <see cref="Version"/> counts the changes
/// of type or configuration, each kept in <c>strategy_versions</c>.
/// </summary>
internal sealed record Strategy(
    long Id,
    string Name,
    string? Description,
    string StrategyType,
    JsonObject Config,
    bool IsActive,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    string? Owner,
    int Version)
{
    /// <summary>How each key of a configuration written for the original system is read; absent for any other.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<ConfigReading>? ConfigReading { get; } = StrategyConfig.ReadingOf(Config);
}

/// <summary>A <c>strategies</c> row as read, with <c>config</c> as text (<c>config::text</c>) until parsed.</summary>
internal sealed record StrategyRow(
    long Id,
    string Name,
    string? Description,
    string StrategyType,
    string Config,
    bool IsActive,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    string? Owner,
    int Version)
{
    public Strategy ToStrategy() =>
        new(Id, Name, Description, StrategyType, JsonNode.Parse(Config)!.AsObject(), IsActive, CreatedAt, UpdatedAt, Owner, Version);
}

/// <summary>One version of a strategy: its type and configuration as they were from <see cref="CreatedAt"/>, by <see cref="CreatedBy"/>.</summary>
internal sealed record StrategyVersion(long StrategyId, int Version, string StrategyType, JsonObject Config, DateTime CreatedAt, string? CreatedBy);

/// <summary>A <c>strategy_versions</c> row with <c>config</c> as text.</summary>
internal sealed record StrategyVersionRow(long StrategyId, int Version, string StrategyType, string Config, DateTime CreatedAt, string? CreatedBy)
{
    public StrategyVersion ToVersion() => new(StrategyId, Version, StrategyType, JsonNode.Parse(Config)!.AsObject(), CreatedAt, CreatedBy);
}

internal sealed record StrategyList(IReadOnlyList<Strategy> Items, long Total);
