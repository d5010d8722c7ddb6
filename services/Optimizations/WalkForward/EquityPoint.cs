namespace Platform.Optimizations.WalkForward;

/// <summary>Equity marked at the close of the bar opening at <see cref="Timestamp"/>.</summary>
internal sealed record EquityPoint(DateTimeOffset Timestamp, double Equity);
