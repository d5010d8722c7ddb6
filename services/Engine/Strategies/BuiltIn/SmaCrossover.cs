using Platform.Engine.Indicators;

namespace Platform.Engine.Strategies.BuiltIn;

internal sealed class SmaCrossover(int fast, int slow) : ISignalSource
{
    public static StrategyDefinition Definition { get; } = new(
        "sma_crossover",
        "Long when the fast SMA crosses above the slow SMA, short when it crosses below.",
        [
            ParameterSchema.Int("fast", 10, 1, 5_000, "Fast SMA period in bars"),
            ParameterSchema.Int("slow", 30, 2, 10_000, "Slow SMA period in bars"),
        ],
        p => new SmaCrossover(p.Int("fast"), p.Int("slow")),
        CrossRules.Ordered("fast", "slow"));

    public void Write(IndicatorCache indicators, Span<byte> signals) =>
        Crossings.Write(indicators.Sma(fast), indicators.Sma(slow), Signal.GoLong, Signal.GoShort, signals);
}
