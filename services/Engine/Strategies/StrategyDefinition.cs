using System.Text.Json;
using Platform.Engine.Backtesting;

namespace Platform.Engine.Strategies;

/// <summary>
/// A strategy type: a shipped one from the catalog, or a user's rule document (<c>rules</c>). Every strategy is a rule
/// program; its parameters are the document's placeholders.
/// </summary>
public sealed record StrategyDefinition
{
    internal StrategyDefinition(string name, string description, IStrategyProgram program, JsonElement document)
    {
        Name = name;
        Description = description;
        Program = program;
        Document = document;
    }

    public string Name { get; }

    public string Description { get; }

    public IReadOnlyList<ParameterSchema> Parameters => Program.Parameters;

    /// <summary>The rule document the strategy is written in.</summary>
    public JsonElement Document { get; }

    /// <summary>The direction a run trades when its configuration names none.</summary>
    public TradeDirection DefaultDirection => Program.DefaultDirection;

    internal IStrategyProgram Program { get; }
}
