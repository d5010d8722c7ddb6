namespace Platform.Engine.Strategies;

/// <summary>A strategy type as the catalog lists it: its name, what it does and its parameter schema.</summary>
public sealed record StrategyDefinition
{
    internal StrategyDefinition(
        string name,
        string description,
        IReadOnlyList<ParameterSchema> parameters,
        Func<StrategyParameters, ISignalSource> createSignals,
        Func<StrategyParameters, (string Field, string Message)?>? crossCheck = null)
    {
        Name = name;
        Description = description;
        Parameters = parameters;
        CreateSignals = createSignals;
        CrossCheck = crossCheck ?? (_ => null);
    }

    public string Name { get; }

    public string Description { get; }

    public IReadOnlyList<ParameterSchema> Parameters { get; }

    /// <summary>A rule across parameters (e.g. fast &lt; slow): the offending field and why, or null.</summary>
    internal Func<StrategyParameters, (string Field, string Message)?> CrossCheck { get; }

    internal Func<StrategyParameters, ISignalSource> CreateSignals { get; }
}
