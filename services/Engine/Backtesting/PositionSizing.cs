namespace Platform.Engine.Backtesting;

/// <summary>
/// How large an entry is: a fraction of equity committed as margin and fees (so with leverage L the notional is about
/// fraction × equity × L), a fixed base-asset quantity, a fixed USDT notional, or the quantity that loses
/// <see cref="Value"/> percent of equity, fees included, when the stop is hit (see the simulator's entry rules).
/// </summary>
public sealed record PositionSizing(SizingMode Mode, double Value)
{
    public static PositionSizing FractionOfEquity(double fraction) => new(SizingMode.FractionOfEquity, fraction);

    public static PositionSizing FixedQuantity(double quantity) => new(SizingMode.FixedQuantity, quantity);

    public static PositionSizing FixedNotional(double notional) => new(SizingMode.FixedNotional, notional);

    public static PositionSizing RiskPercent(double percent) => new(SizingMode.RiskPercent, percent);

    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Mode}:{Value:R}");
}
