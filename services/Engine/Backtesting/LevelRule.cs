using Platform.Engine.Indicators;

namespace Platform.Engine.Backtesting;

/// <summary>
/// A stop, target or trailing distance as the simulator applies it: a percent of the reference price, or a multiple of
/// the ATR series read at the signal bar. Off is a NaN percent, which makes every level NaN and so never reached.
/// </summary>
internal readonly struct LevelRule
{
    private readonly double percent;
    private readonly double multiple;
    private readonly double[]? atr;

    public LevelRule(PriceDistance? distance, IndicatorCache indicators)
    {
        percent = distance is { Unit: DistanceUnit.Percent } ? distance.Value : double.NaN;
        if (distance is { Unit: DistanceUnit.Atr })
        {
            multiple = distance.Value;
            atr = indicators.Atr(distance.AtrPeriod);
        }
    }

    public bool IsOn => atr is not null || !double.IsNaN(percent);

    /// <summary>The price distance of an ATR rule at <paramref name="signalBar"/> (NaN in the ATR's warm-up); 0 for a percent rule.</summary>
    public double Distance(int signalBar) => atr is null ? 0 : multiple * atr[signalBar];

    /// <summary>The level <paramref name="sign"/> × distance away from <paramref name="reference"/> (sign −side for stops, +side for targets).</summary>
    public double Level(double reference, int sign, double distance) =>
        atr is null ? reference * (100 + sign * percent) / 100 : reference + sign * distance;
}
