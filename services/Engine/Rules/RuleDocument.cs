using Platform.Engine.Data;

namespace Platform.Engine.Rules;

/// <summary>
/// A strategy written in the rule language (docs/strategy-language.md), parsed and checked for shape but with its
/// parameters still unbound: numbers may be <c>$name</c> placeholders that a run, a grid or a search sets.
/// </summary>
internal sealed record RuleDocument(
    IReadOnlyList<ParameterDeclaration> Parameters,
    IReadOnlyList<IndicatorDeclaration> Indicators,
    IReadOnlyDictionary<RuleKind, Condition> Rules,
    TradeManagementDeclaration Management);

internal enum RuleKind
{
    EnterLong,
    ExitLong,
    EnterShort,
    ExitShort,
}

/// <summary>A named placeholder with its default and bounds; <see cref="IsFlag"/> parameters are true/false (1/0 in conditions).</summary>
internal sealed record ParameterDeclaration(
    string Name, double Default, double Min, double Max, bool IsInteger, bool IsFlag, string? GreaterThan, string Description);

/// <summary>A literal number, or the name of a parameter whose value a run binds; <see cref="Path"/> is where it was written.</summary>
internal readonly record struct NumberRef(double Literal, string? Parameter, string Path)
{
    public static NumberRef Of(double literal, string path) => new(literal, null, path);
}

/// <summary>
/// An indicator instance: <see cref="Type"/> over <see cref="Source"/> (a price field or another indicator's output) with
/// its arguments, computed on <see cref="Timeframe"/>'s closed candles when set.
/// </summary>
internal sealed record IndicatorDeclaration(
    string Name, IndicatorType Type, SeriesRef? Source, IReadOnlyDictionary<string, NumberRef> Arguments, Interval? Timeframe, string Path);

/// <summary>A price field (<c>close</c>, <c>hl2</c>…) or an indicator's output (<c>bb.upper</c>; the first output when omitted).</summary>
internal sealed record SeriesRef(string Name, string? Output)
{
    public override string ToString() => Output is null ? Name : $"{Name}.{Output}";
}

/// <summary>A value in a condition: a series read <see cref="BarsAgo"/> bars back, or a number.</summary>
internal sealed record Operand(SeriesRef? Series, NumberRef? Number, NumberRef BarsAgo, string Path);

internal enum ComparisonKind
{
    Greater,
    Less,
    GreaterOrEqual,
    LessOrEqual,
    CrossesAbove,
    CrossesBelow,
}

internal abstract record Condition(string Path);

internal sealed record Comparison(Operand Left, ComparisonKind Kind, Operand Right, string Path) : Condition(Path);

/// <summary><see cref="Low"/> ≤ value ≤ <see cref="High"/>, both ends included.</summary>
internal sealed record Between(Operand Value, Operand Low, Operand High, string Path) : Condition(Path);

/// <summary>The value rose (or fell) on each of the last <see cref="Bars"/> bars.</summary>
internal sealed record Trend(Operand Value, bool Rising, NumberRef Bars, string Path) : Condition(Path);

internal sealed record AllOf(IReadOnlyList<Condition> Items, string Path) : Condition(Path);

internal sealed record AnyOf(IReadOnlyList<Condition> Items, string Path) : Condition(Path);

internal sealed record NotOf(Condition Item, string Path) : Condition(Path);
