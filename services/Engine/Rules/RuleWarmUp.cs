using Platform.Engine.Data;

namespace Platform.Engine.Rules;

/// <summary>
/// How many leading bars a program's rules cannot decide on: <see cref="Bars"/> on the run's own interval, and for each
/// higher timeframe the number of its closed candles needed.
/// </summary>
internal sealed record RuleWarmUp(int Bars, IReadOnlyDictionary<string, int> HigherBars)
{
    /// <summary>The warm-up in bars of <paramref name="interval"/>, counting each higher candle as the base bars it spans.</summary>
    public int InBarsOf(Interval interval) =>
        HigherBars.Select(higher => (higher.Value + 1) * (Interval.Parse(higher.Key).Minutes / interval.Minutes)).Append(Bars).Max();
}
