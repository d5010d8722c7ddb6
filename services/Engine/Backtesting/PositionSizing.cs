namespace Platform.Engine.Backtesting;

/// <summary>
/// How large an entry is: a fraction of equity committed as margin and fees (so with leverage L the
/// notional is about fraction × equity × L), or a fixed base-asset quantity.
/// </summary>
public sealed record PositionSizing(SizingMode Mode, double Value)
{
    public static PositionSizing FractionOfEquity(double fraction) => new(SizingMode.FractionOfEquity, fraction);

    public static PositionSizing FixedQuantity(double quantity) => new(SizingMode.FixedQuantity, quantity);

    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Mode}:{Value:R}");
}
