namespace Platform.Engine.Strategies;

/// <summary>A strategy with validated parameters; obtained only from <see cref="StrategyCatalog"/>'s validation.</summary>
public sealed record StrategySpec
{
    private Rules.BoundRules? bound;

    internal StrategySpec(StrategyDefinition definition, StrategyParameters parameters)
    {
        Definition = definition;
        Parameters = parameters;
    }

    public StrategyDefinition Definition { get; }

    public StrategyParameters Parameters { get; }

    public string Name => Definition.Name;

    public override string ToString() => $"{Name}({Parameters})";

    /// <summary>The run's settings with what the strategy's own trade management sets in their place.</summary>
    public Backtesting.BacktestSettings Settings(Backtesting.BacktestSettings run) => Bind().Management.ApplyTo(run);

    /// <summary>
    /// The program bound to the parameters, once per spec: a combination a walk-forward evaluates in every window, or a
    /// grid again, is bound the first time only.
    /// </summary>
    internal Rules.BoundRules Bind() => bound ??= Definition.Program.Bind(Parameters);

    /// <summary>Equal when their strategy and parameters are, bound or not.</summary>
    public bool Equals(StrategySpec? other) => other is not null && Definition == other.Definition && Parameters == other.Parameters;

    public override int GetHashCode() => HashCode.Combine(Definition, Parameters);
}
