namespace Platform.Engine.Rules;

/// <summary>The document's <c>risk</c>, <c>sizing</c>, <c>pyramiding</c> and <c>funding</c> sections; absent parts leave the run's settings.</summary>
internal sealed record TradeManagementDeclaration(
    DistanceDeclaration? StopLoss,
    DistanceDeclaration? TrailingStop,
    DistanceDeclaration? TakeProfit,
    NumberRef? MaxBars,
    SizingDeclaration? Sizing,
    NumberRef? Pyramiding,
    NumberRef? FundingRatePer8Hours)
{
    public static TradeManagementDeclaration None { get; } = new(null, null, null, null, null, null, null);
}

/// <summary>A distance from the entry price: a percent of it, or a multiple of the ATR of <see cref="AtrPeriod"/> bars.</summary>
internal sealed record DistanceDeclaration(bool IsAtr, NumberRef Value, NumberRef AtrPeriod, string Path);

internal enum SizingKind
{
    /// <summary>A fraction of equity committed per entry.</summary>
    Fraction,

    /// <summary>A fixed notional in USDT per entry.</summary>
    Notional,

    /// <summary>The percent of equity lost if the stop is hit.</summary>
    RiskPercent,
}

internal sealed record SizingDeclaration(SizingKind Kind, NumberRef Value, string Path);
