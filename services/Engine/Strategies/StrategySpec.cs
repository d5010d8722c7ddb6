namespace Platform.Engine.Strategies;

/// <summary>A strategy with validated parameters; obtained only from <see cref="StrategyCatalog"/>'s validation.</summary>
public sealed record StrategySpec
{
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

    internal Rules.BoundRules Bind() => Definition.Program.Bind(Parameters);
}
