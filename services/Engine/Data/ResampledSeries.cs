namespace Platform.Engine.Data;

/// <summary>
/// Closed higher-interval candles and, for every base bar, the index of the last higher candle
/// that had closed by that base bar's close (-1 before the first one closes).
/// </summary>
public sealed record ResampledSeries(CandleSeries Candles, int[] LastClosedIndex);
