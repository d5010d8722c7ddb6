namespace Platform.Backtests.Strategies;

/// <summary>What <see cref="StrategyStore.UpdateAsync"/> did.</summary>
internal abstract record StrategyUpdate
{
    private StrategyUpdate()
    {
    }

    public sealed record Updated(Strategy Strategy) : StrategyUpdate;

    public sealed record NotFound : StrategyUpdate;

    /// <summary>Nothing changed: the caller neither owns the strategy nor is an admin.</summary>
    public sealed record Forbidden(string? Owner) : StrategyUpdate;

    public sealed record NameTaken(string Name) : StrategyUpdate;

    /// <summary>The type is unknown (keyed <c>strategy_type</c>) or the resulting configuration is invalid (keyed <c>config.&lt;path&gt;</c>).</summary>
    public sealed record Invalid(IReadOnlyDictionary<string, string> Errors) : StrategyUpdate;
}

/// <summary>What <see cref="StrategyStore.DeleteAsync"/> did.</summary>
internal abstract record StrategyDeletion
{
    private StrategyDeletion()
    {
    }

    public sealed record Deleted : StrategyDeletion;

    public sealed record NotFound : StrategyDeletion;

    /// <summary>Nothing deleted: the caller neither owns the strategy nor is an admin.</summary>
    public sealed record Forbidden(string? Owner) : StrategyDeletion;

    /// <summary>Nothing deleted: the strategy has backtests and deleting was not forced.</summary>
    public sealed record InUse(long Backtests) : StrategyDeletion;

    /// <summary>Nothing deleted: a forced delete by its owner would take other owners' backtests with it.</summary>
    public sealed record OthersBacktests(long Backtests) : StrategyDeletion;
}
