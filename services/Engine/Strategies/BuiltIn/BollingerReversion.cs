using Platform.Engine.Indicators;

namespace Platform.Engine.Strategies.BuiltIn;

/// <summary>
/// Long when the close crosses below the lower band, short when it crosses above the upper band.
/// With exit_at_middle, positions close when the close crosses back over the middle band instead
/// of waiting for the opposite band.
/// </summary>
internal sealed class BollingerReversion(int period, double deviations, bool exitAtMiddle) : ISignalSource
{
    public static StrategyDefinition Definition { get; } = new(
        "bollinger_reversion",
        "Mean reversion on Bollinger bands (SMA ± k population standard deviations of the close).",
        [
            ParameterSchema.Int("period", 20, 2, 5_000, "Band period in bars"),
            ParameterSchema.Decimal("std_dev", 2, 0.1, 10, "Band width in standard deviations"),
            ParameterSchema.Bool("exit_at_middle", false, "Exit when the close crosses the middle band"),
        ],
        p => new BollingerReversion(p.Int("period"), p.Number("std_dev"), p.Flag("exit_at_middle")));

    public void Write(IndicatorCache indicators, Span<byte> signals)
    {
        var close = indicators.Candles.Close;
        var middle = indicators.Sma(period);
        var deviation = indicators.StdDev(period);
        var lower = new double[close.Length];
        var upper = new double[close.Length];
        for (var i = 0; i < close.Length; i++)
        {
            lower[i] = middle[i] - deviations * deviation[i];
            upper[i] = middle[i] + deviations * deviation[i];
        }

        signals.Clear();
        Crossings.AddCrossBelow(close, lower, exitAtMiddle ? Signal.EnterLong : Signal.GoLong, signals);
        Crossings.AddCrossAbove(close, upper, exitAtMiddle ? Signal.EnterShort : Signal.GoShort, signals);
        if (exitAtMiddle)
        {
            Crossings.AddCrossAbove(close, middle, Signal.ExitLong, signals);
            Crossings.AddCrossBelow(close, middle, Signal.ExitShort, signals);
        }
    }
}
