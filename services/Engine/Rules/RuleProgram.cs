using System.Text.Json;
using Platform.Engine.Backtesting;
using Platform.Engine.Data;
using Platform.Engine.Strategies;

namespace Platform.Engine.Rules;

/// <summary>
/// A checked rule document, ready to be bound to parameter values: the form every strategy takes, the shipped ones
/// (<see cref="RuleLibrary"/>) and those users write.
/// </summary>
internal sealed class RuleProgram : IStrategyProgram
{
    private RuleProgram(RuleDocument document, TradeDirection defaultDirection)
    {
        Document = document;
        DefaultDirection = defaultDirection;
        Parameters = [.. document.Parameters.Select(Schema)];
        HigherTimeframes = [.. document.Indicators.Where(i => i.Timeframe is not null).Select(i => (i.Path + ".timeframe", i.Timeframe!.Value))];
    }

    public RuleDocument Document { get; }

    public IReadOnlyList<ParameterSchema> Parameters { get; }

    /// <summary>The direction a run trades when it names none.</summary>
    public TradeDirection DefaultDirection { get; }

    /// <summary>Each indicator's higher timeframe with the path it was written at, for the run's interval to be checked against.</summary>
    public IReadOnlyList<(string Path, Interval Timeframe)> HigherTimeframes { get; }

    /// <summary>
    /// Parses and checks a document with its parameters at their defaults. A user's strategy trades the directions its rules
    /// enter; <paramref name="defaultDirection"/> overrides that (the shipped strategies keep the original's long).
    /// </summary>
    public static ValidationResult<RuleProgram> Compile(JsonElement root, TradeDirection? defaultDirection = null)
    {
        var parsed = RuleParser.Parse(root);
        if (parsed.Value is not { } document)
        {
            return ValidationResult<RuleProgram>.Failure(parsed.Errors);
        }
        var direction = defaultDirection ?? (document.Rules.ContainsKey(RuleKind.EnterLong), document.Rules.ContainsKey(RuleKind.EnterShort)) switch
        {
            (true, true) => TradeDirection.Both,
            (false, true) => TradeDirection.Short,
            _ => TradeDirection.Long,
        };
        var program = new RuleProgram(document, direction);
        var bound = program.Bind(document.Parameters.ToDictionary(p => p.Name, p => p.Default));
        return bound.Errors.Count == 0 ? ValidationResult<RuleProgram>.Success(program) : ValidationResult<RuleProgram>.Failure(bound.Errors);
    }

    /// <summary>Binds parameter values (every declared one present): the signals, the trade management, the warm-up, and any errors.</summary>
    public BoundRules Bind(IReadOnlyDictionary<string, double> values)
    {
        var errors = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var declaration in Document.Parameters)
        {
            if (declaration.GreaterThan is { } lower && !(values[declaration.Name] > values[lower]))
            {
                errors[declaration.Name] = $"must be greater than {lower} ({Numbers.Format(values[lower])})";
            }
        }
        var binder = new RuleBinder(new Bindings(values, errors));
        return binder.Bind(Document);
    }

    /// <summary>Errors of a parameter set, keyed by the path of the number each value reached.</summary>
    public IReadOnlyDictionary<string, string> Check(StrategyParameters parameters) => Bind(Values(parameters)).Errors;

    public BoundRules Bind(StrategyParameters parameters) => Bind(Values(parameters));

    private static Dictionary<string, double> Values(StrategyParameters parameters) =>
        parameters.Values.ToDictionary(
            kv => kv.Key,
            kv => kv.Value switch
            {
                int i => i,
                bool b => b ? 1 : 0,
                var other => (double)other,
            },
            StringComparer.Ordinal);

    private static ParameterSchema Schema(ParameterDeclaration declaration)
    {
        double? Bound(double value) => value is double.MinValue or double.MaxValue ? null : value;
        var (min, max) = (Bound(declaration.Min), Bound(declaration.Max));
        return declaration switch
        {
            { IsFlag: true } => ParameterSchema.Bool(declaration.Name, declaration.Default != 0, declaration.Description),
            { IsInteger: true } => new ParameterSchema(
                declaration.Name, ParameterType.Int, (int)declaration.Default, min ?? int.MinValue, max ?? int.MaxValue, declaration.Description),
            _ => new ParameterSchema(declaration.Name, ParameterType.Decimal, declaration.Default, min, max, declaration.Description),
        };
    }
}

/// <summary>A program bound to parameter values.</summary>
internal sealed record BoundRules(
    ISignalSource Signals, BoundManagement Management, RuleWarmUp WarmUp, IReadOnlyDictionary<string, string> Errors);
