using Platform.MarketData.Bybit;

namespace Platform.MarketData.Candles;

/// <summary>Candles of a range are not stored and Bybit cannot be reached to fetch them: the read waits for the outage to end.</summary>
internal sealed class CandleGapException(string symbol, string interval, long first, long last, TimeSpan retryAfter, BybitException innerException)
    : Exception(
        $"Candles of {symbol} {interval} from {Iso(first)} to {Iso(last)} are not stored and Bybit cannot be reached: {innerException.Message}",
        innerException)
{
    public string Symbol { get; } = symbol;

    /// <summary>Open time of the first missing bar, UTC milliseconds.</summary>
    public long First { get; } = first;

    /// <summary>Open time of the last missing bar, UTC milliseconds.</summary>
    public long Last { get; } = last;

    /// <summary>When the outage may be over: the circuit's remaining open time, or Bybit's announced reset.</summary>
    public TimeSpan RetryAfter { get; } = retryAfter;

    private static string Iso(long milliseconds) => DateTimeOffset.FromUnixTimeMilliseconds(milliseconds).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
