namespace Platform.Candles;

/// <summary>The market data service refused or failed a candle read; <see cref="StatusCode"/> is its answer.</summary>
public sealed class CandleFeedException(int statusCode, string message, Exception? innerException = null) : Exception(message, innerException)
{
    public int StatusCode { get; } = statusCode;

    /// <summary>A 4xx: the request itself is wrong (unknown symbol, bad range), so running it again cannot help.</summary>
    public bool IsPermanent => StatusCode is >= 400 and < 500 and not 408 and not 429;
}
