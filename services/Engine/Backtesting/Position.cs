namespace Platform.Engine.Backtesting;

/// <summary>The open position; <see cref="Side"/> is +1 long, −1 short, 0 flat (then every number is 0).</summary>
internal struct Position
{
    public int Side;
    public int EntryBar;
    public double Quantity;
    public double EntryPrice;
    public double EntryFee;
    public double Margin;
    public double Stop;
    public double Target;
    public double Liquidation;

    /// <summary>The adverse level met first: the stop when it lies before the liquidation price, else the liquidation price.</summary>
    public double Guard;
}
