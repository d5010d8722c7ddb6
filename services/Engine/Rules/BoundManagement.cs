using Platform.Engine.Backtesting;

namespace Platform.Engine.Rules;

/// <summary>The document's trade management with its parameters set and checked; null parts leave the run's settings.</summary>
internal sealed record BoundManagement(
    PriceDistance? StopLoss,
    PriceDistance? TrailingStop,
    PriceDistance? TakeProfit,
    int? MaxBars,
    SizingKind? SizingKind,
    double SizingValue,
    int? Pyramiding,
    double? FundingRatePer8Hours)
{
    public static BoundManagement None { get; } = new(null, null, null, null, null, 0, null, null);

    /// <summary>
    /// The run's settings with what the document sets in their place: the strategy's own risk decides. A document that
    /// sets nothing leaves the run's settings as they are, without a copy.
    /// </summary>
    public BacktestSettings ApplyTo(BacktestSettings settings) => Equals(None) ? settings : settings with
    {
        StopLoss = StopLoss ?? settings.StopLoss,
        TrailingStop = TrailingStop ?? settings.TrailingStop,
        TakeProfit = TakeProfit ?? settings.TakeProfit,
        MaxBarsInTrade = MaxBars ?? settings.MaxBarsInTrade,
        Sizing = SizingKind switch
        {
            Rules.SizingKind.Fraction => PositionSizing.FractionOfEquity(SizingValue),
            Rules.SizingKind.Notional => PositionSizing.FixedNotional(SizingValue),
            Rules.SizingKind.RiskPercent => PositionSizing.RiskPercent(SizingValue),
            _ => settings.Sizing,
        },
        MaxEntries = Pyramiding ?? settings.MaxEntries,
        FundingRatePer8Hours = FundingRatePer8Hours ?? settings.FundingRatePer8Hours,
    };
}
