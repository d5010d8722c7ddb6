using System.Globalization;

namespace Platform.Engine.Backtesting;

/// <summary>
/// How far a stop, target or trailing stop lies from its reference price: a percent of that price, or a multiple of
/// Wilder's ATR of <see cref="AtrPeriod"/> bars taken at the signal bar (bar i−1 for an entry filled at bar i's open)
/// and fixed for the life of the position.
/// </summary>
public sealed record PriceDistance(DistanceUnit Unit, double Value, int AtrPeriod)
{
    public static PriceDistance Percent(double percent) => new(DistanceUnit.Percent, percent, 0);

    public static PriceDistance Atr(double multiple, int period = 14) => new(DistanceUnit.Atr, multiple, period);

    public bool IsAtr => Unit == DistanceUnit.Atr;

    public override string ToString() => Unit == DistanceUnit.Atr
        ? string.Create(CultureInfo.InvariantCulture, $"Atr:{Value:R}:{AtrPeriod}")
        : string.Create(CultureInfo.InvariantCulture, $"Percent:{Value:R}");

    /// <summary>Null when usable, else why not; <paramref name="maxPercent"/> bounds a percent distance.</summary>
    internal string? Problem(double maxPercent, bool maxIncluded) => Unit switch
    {
        DistanceUnit.Percent when Value > 0 && (Value < maxPercent || (maxIncluded && Value == maxPercent)) => null,
        DistanceUnit.Percent => string.Create(
            CultureInfo.InvariantCulture, $"must be greater than 0 and {(maxIncluded ? "at most" : "less than")} {maxPercent}"),
        DistanceUnit.Atr when Value is > 0 and <= 100 && AtrPeriod is >= 1 and <= 1_000 => null,
        DistanceUnit.Atr => "ATR multiple must be greater than 0 and at most 100, ATR period between 1 and 1000",
        _ => "must be a percent or an ATR multiple",
    };
}
