namespace Platform.Engine.Rules;

/// <summary>The document's trade management with its parameters set and checked; null parts leave the run's settings.</summary>
internal sealed record BoundManagement(
    BoundDistance? StopLoss,
    BoundDistance? TrailingStop,
    BoundDistance? TakeProfit,
    int? MaxBars,
    SizingKind? SizingKind,
    double SizingValue,
    int? Pyramiding,
    double? FundingRatePer8Hours)
{
    public static BoundManagement None { get; } = new(null, null, null, null, null, 0, null, null);
}

internal sealed record BoundDistance(bool IsAtr, double Value, int AtrPeriod);
