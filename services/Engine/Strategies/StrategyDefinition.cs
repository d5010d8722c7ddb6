using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Engine.Data;
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

    /// <summary>
    /// The document in its complete form for a rule strategy (defaults written out), or the shipped type's document.
    /// </summary>
    public JsonObject Normalized => Program is Rules.RuleProgram rules
        ? Rules.RuleNormalizer.Normalize(rules.Document, Document)
        : JsonNode.Parse(Document.GetRawText())!.AsObject();

    /// <summary>Leading bars a run of these parameters on <paramref name="interval"/> cannot decide on (indicators still warming up).</summary>
    public int WarmUpBars(StrategyParameters parameters, Interval interval) => Program.Bind(parameters).WarmUp.InBarsOf(interval);

    /// <summary>The warm-up per timeframe: <c>""</c> for the run's own bars, else the higher timeframe's code and its candles.</summary>
    public IReadOnlyDictionary<string, int> WarmUpByTimeframe(StrategyParameters parameters)
    {
        var warmUp = Program.Bind(parameters).WarmUp;
        return new Dictionary<string, int>(warmUp.HigherBars) { [""] = warmUp.Bars };
    }

    /// <summary>Each higher timeframe the strategy reads, with the path inside its document it was written at.</summary>
    public IReadOnlyList<(string Path, Interval Timeframe)> HigherTimeframes => Program.HigherTimeframes;

    /// <summary>The direction a run trades when its configuration names none.</summary>
    public TradeDirection DefaultDirection => Program.DefaultDirection;

    internal IStrategyProgram Program { get; }
}
