using System.Diagnostics.CodeAnalysis;
using Platform.MarketData.Candles;

namespace Platform.MarketData.Ingest;

/// <summary>
/// One data row of an upload by its 1-based line in the decompressed file: a candle, or the reason it was rejected
/// (then <see cref="Candle"/> is empty).
/// </summary>
internal readonly record struct CandleFileRow(long Row, Candle Candle, string? Rejection)
{
    [MemberNotNullWhen(false, nameof(Rejection))]
    public bool IsValid => Rejection is null;

    public static CandleFileRow Valid(long row, Candle candle) => new(row, candle, null);

    public static CandleFileRow Rejected(long row, string reason) => new(row, default, reason);
}
