namespace Platform.Engine.Backtesting;

/// <summary>The open position; <see cref="Side"/> is +1 long, −1 short, 0 flat (then every number is 0).</summary>
internal struct Position
{
    public int Side;

    /// <summary>The bar of the first entry; <see cref="LastFillBar"/> is that of the latest one.</summary>
    public int EntryBar;
    public int LastFillBar;
    public int Entries;

    /// <summary>The bar at whose open the bar limit closes the position (int.MaxValue without a limit).</summary>
    public int Deadline;
    public double Quantity;

    /// <summary>The quantity-weighted average entry price.</summary>
    public double EntryPrice;
    public double EntryFee;
    public double Margin;

    /// <summary>Funding paid so far (negative when received).</summary>
    public double Funding;

    /// <summary>The adverse stop in force: the tighter of the fixed stop and the trailing stop; <see cref="StopReason"/> says which.</summary>
    public double Stop;
    public ExitReason StopReason;
    public double FixedStop;
    public double Trail;
    public double Target;
    public double Liquidation;

    /// <summary>The adverse level met first: the stop when it lies before the liquidation price, else the liquidation price.</summary>
    public double Guard;

    /// <summary>Whether a bar's range can reach a level of the position at all, so that the bar loop must check each bar.</summary>
    public bool Watched;

    /// <summary>Price distances of ATR levels, fixed at the first entry (unused for percent levels).</summary>
    public double StopDistance;
    public double TargetDistance;
    public double TrailDistance;

    /// <summary>The best price since entry that the trailing stop follows: the entry price, then each completed bar's high (low for shorts).</summary>
    public double Best;

    /// <summary>The excursions in money of the prices before the latest entry.</summary>
    public double RunUp;
    public double Drawdown;

    /// <summary>
    /// The highest and lowest of the latest entry's fill price and the highs and lows of the bars from <see cref="LastFillBar"/>
    /// up to <see cref="ScannedTo"/> (excluded): the prices since the latest fill that are not yet in the excursions.
    /// </summary>
    public double Top;
    public double Bottom;
    public int ScannedTo;
}
