using Platform.Engine.Indicators;

namespace Platform.Engine.Strategies.BuiltIn;

internal sealed class MacdCrossover(int fast, int slow, int signal) : ISignalSource
{
    public static StrategyDefinition Definition { get; } = new(
        "macd_crossover",
        "Long when the MACD line crosses above its signal line, short when it crosses below.",
        [
            ParameterSchema.Int("fast", 12, 1, 5_000, "Fast EMA period in bars"),
            ParameterSchema.Int("slow", 26, 2, 10_000, "Slow EMA period in bars"),
            ParameterSchema.Int("signal", 9, 1, 5_000, "Signal-line EMA period in bars"),
        ],
        p => new MacdCrossover(p.Int("fast"), p.Int("slow"), p.Int("signal")),
        CrossRules.Ordered("fast", "slow"));

    public void Write(IndicatorCache indicators, Span<byte> signals) =>
        Crossings.Write(indicators.MacdLine(fast, slow), indicators.MacdSignal(fast, slow, signal), Signal.GoLong, Signal.GoShort, signals);
}
