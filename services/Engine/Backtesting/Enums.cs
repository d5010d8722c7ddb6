namespace Platform.Engine.Backtesting;

public enum TradeDirection
{
    Long,
    Short,
    Both,
}

public enum TradeSide
{
    Long,
    Short,
}

/// <summary>Which level fills first when one bar reaches both the stop-loss and the take-profit.</summary>
public enum FillPolicy
{
    /// <summary>Stop (or liquidation) first: the bar's path is assumed to hurt before it helps.</summary>
    Pessimistic,

    /// <summary>Take-profit first.</summary>
    Optimistic,
}

public enum SizingMode
{
    FractionOfEquity,
    FixedQuantity,

    /// <summary>A fixed USDT notional per entry.</summary>
    FixedNotional,

    /// <summary>The percent of equity lost (with fees) when the stop is hit.</summary>
    RiskPercent,
}

/// <summary>How a <see cref="PriceDistance"/> is measured.</summary>
public enum DistanceUnit
{
    /// <summary>Percent of the entry price (of the best price since entry for a trailing stop).</summary>
    Percent,

    /// <summary>A multiple of Wilder's ATR at the signal bar, fixed at entry.</summary>
    Atr,
}

public enum ExitReason
{
    Signal,
    StopLoss,
    TakeProfit,
    Liquidation,
    EndOfData,
    TrailingStop,
    MaxBars,
}
