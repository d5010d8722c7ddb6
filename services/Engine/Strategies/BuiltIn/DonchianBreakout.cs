using Platform.Engine.Indicators;

namespace Platform.Engine.Strategies.BuiltIn;

/// <summary>Long when the close breaks above the highest high of the previous <c>period</c> bars, short below the lowest low.</summary>
internal sealed class DonchianBreakout(int period) : ISignalSource
{
    public static StrategyDefinition Definition { get; } = new(
        "donchian_breakout",
        "Channel breakout on the highest high and lowest low of the previous bars.",
        [ParameterSchema.Int("period", 20, 1, 5_000, "Channel period in bars")],
        p => new DonchianBreakout(p.Int("period")));

    public void Write(IndicatorCache indicators, Span<byte> signals)
    {
        var close = indicators.Candles.Close;
        var highest = indicators.Highest(period);
        var lowest = indicators.Lowest(period);
        signals.Clear();
        for (var i = 1; i < signals.Length; i++)
        {
            // The channel ends at the previous bar, so the current bar can break out of it.
            if (close[i] > highest[i - 1])
            {
                signals[i] = Signal.GoLong;
            }
            else if (close[i] < lowest[i - 1])
            {
                signals[i] = Signal.GoShort;
            }
        }
    }
}
