using System.Text.Json;
using Platform.Engine.Backtesting;
using Platform.Engine.Data;
using Platform.Engine.Indicators;
using Platform.Engine.Rules;
using Platform.Engine.Strategies;

namespace Platform.Engine.Bench;

/// <summary>
/// SMA crossover written as one loop over the two averages, as the engine's strategies were before the rule language:
/// the floor the shipped rule document is measured against. Averages are shared through the cache like the language's.
/// </summary>
internal sealed class HandWrittenCrossover(int fast, int slow) : ISignalSource, IStrategyProgram
{
    public IReadOnlyList<ParameterSchema> Parameters => [];

    public TradeDirection DefaultDirection => TradeDirection.Long;

    public IReadOnlyList<(string Path, Interval Timeframe)> HigherTimeframes => [];

    public static StrategySpec Spec(int fast, int slow) => new(
        new StrategyDefinition("sma_crossover_handwritten", "reference", new HandWrittenCrossover(fast, slow), default(JsonElement)),
        new StrategyParameters(new SortedDictionary<string, object>(StringComparer.Ordinal) { ["fast"] = fast, ["slow"] = slow }));

    public IReadOnlyDictionary<string, string> Check(StrategyParameters parameters) => new Dictionary<string, string>();

    public BoundRules Bind(StrategyParameters parameters) =>
        new(this, BoundManagement.None, new RuleWarmUp(0, new Dictionary<string, int>()), new Dictionary<string, string>());

    public void Write(IndicatorCache indicators, Span<byte> signals)
    {
        var a = Average(indicators, fast);
        var b = Average(indicators, slow);
        signals.Clear();
        for (var i = 1; i < signals.Length; i++)
        {
            if (a[i] > b[i] && a[i - 1] <= b[i - 1])
            {
                signals[i] = Signal.GoLong;
            }
            else if (a[i] < b[i] && a[i - 1] >= b[i - 1])
            {
                signals[i] = Signal.GoShort;
            }
        }
    }

    private static double[] Average(IndicatorCache indicators, int period) =>
        indicators.Named($"handwritten-sma({period})", (indicators.Candles, period), static state => [Sma.Compute(state.Candles.Close, state.period)])[0];
}
