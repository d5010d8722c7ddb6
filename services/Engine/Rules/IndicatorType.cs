using Platform.Engine.Data;

namespace Platform.Engine.Rules;

/// <summary>
/// An indicator the language offers: its arguments, its outputs (the first is read when a reference names none), how it is
/// computed and how many leading bars it leaves undefined. Indicators that read a single series take a <c>source</c>;
/// the others (ATR, ADX, Stochastic, VWAP, Donchian) read the candles.
/// </summary>
internal sealed record IndicatorType(
    string Name,
    string Description,
    bool TakesSource,
    IReadOnlyList<ArgumentSchema> Arguments,
    IReadOnlyList<string> Outputs,
    Func<IndicatorInput, IReadOnlyList<double>, double[][]> Compute,
    Func<IReadOnlyList<double>, int> WarmUp);

/// <summary>An indicator argument; periods and bar counts are integers.</summary>
internal sealed record ArgumentSchema(string Name, double Default, double Min, double Max, bool IsInteger, string Description)
{
    public static ArgumentSchema Period(double defaultValue, string description = "Period in bars", string name = "period", int min = 1) =>
        new(name, defaultValue, min, RuleLimits.MaxPeriod, true, description);

    public static ArgumentSchema Number(string name, double defaultValue, double min, double max, string description) =>
        new(name, defaultValue, min, max, false, description);
}

/// <summary>What an indicator reads: its candles, and its source series when it takes one.</summary>
internal readonly record struct IndicatorInput(CandleSeries Candles, double[]? Source);
