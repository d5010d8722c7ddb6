namespace Platform.Optimizations.WalkForward;

/// <summary>One window's out-of-sample equity per bar, as the backtester returned it.</summary>
internal sealed record EquitySegment(ReadOnlyMemory<long> Time, ReadOnlyMemory<double> Equity);
