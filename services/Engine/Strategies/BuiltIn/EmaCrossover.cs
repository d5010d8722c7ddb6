using Platform.Engine.Indicators;

namespace Platform.Engine.Strategies.BuiltIn;

internal sealed class EmaCrossover(int fast, int slow) : ISignalSource
{
    public static StrategyDefinition Definition { get; } = new(
        "ema_crossover",
        "Long when the fast EMA crosses above the slow EMA, short when it crosses below.",
        [
            ParameterSchema.Int("fast", 50, 1, 5_000, "Fast EMA period in bars"),
            ParameterSchema.Int("slow", 200, 2, 10_000, "Slow EMA period in bars"),
        ],
        p => new EmaCrossover(p.Int("fast"), p.Int("slow")),
        CrossRules.Ordered("fast", "slow"));

    public void Write(IndicatorCache indicators, Span<byte> signals) =>
        Crossings.Write(indicators.Ema(fast), indicators.Ema(slow), Signal.GoLong, Signal.GoShort, signals);
}
