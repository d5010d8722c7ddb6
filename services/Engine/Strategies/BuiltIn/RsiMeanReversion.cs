using Platform.Engine.Indicators;

namespace Platform.Engine.Strategies.BuiltIn;

/// <summary>Wilder RSI: long when RSI crosses below oversold, short when it crosses above overbought; each exits the other side.</summary>
internal sealed class RsiMeanReversion(int period, double oversold, double overbought) : ISignalSource
{
    public static StrategyDefinition Definition { get; } = new(
        "rsi_mean_reversion",
        "Long when Wilder's RSI crosses below the oversold level, short when it crosses above the overbought level.",
        [
            ParameterSchema.Int("period", 14, 2, 1_000, "RSI period in bars"),
            ParameterSchema.Decimal("oversold", 30, 1, 99, "RSI level that opens longs"),
            ParameterSchema.Decimal("overbought", 70, 1, 99, "RSI level that opens shorts"),
        ],
        p => new RsiMeanReversion(p.Int("period"), p.Number("oversold"), p.Number("overbought")),
        CrossRules.Ordered("oversold", "overbought"));

    public void Write(IndicatorCache indicators, Span<byte> signals)
    {
        var rsi = indicators.Rsi(period);
        signals.Clear();
        for (var i = 1; i < signals.Length; i++)
        {
            if (rsi[i] < oversold && rsi[i - 1] >= oversold)
            {
                signals[i] = Signal.GoLong;
            }
            else if (rsi[i] > overbought && rsi[i - 1] <= overbought)
            {
                signals[i] = Signal.GoShort;
            }
        }
    }
}
