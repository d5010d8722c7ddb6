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
}

public enum ExitReason
{
    Signal,
    StopLoss,
    TakeProfit,
    Liquidation,
    EndOfData,
}
