namespace Platform.MarketData.Bybit;

/// <summary>A Bybit call that produced no data; never turned into an empty list.</summary>
internal sealed class BybitException(BybitErrorKind kind, string message, Exception? innerException = null)
    : Exception(message, innerException)
{
    public BybitErrorKind Kind { get; } = kind;

    public int? RetCode { get; init; }

    /// <summary>The HTTP status when Bybit did not answer 200.</summary>
    public int? HttpStatus { get; init; }

    public string? Symbol { get; init; }

    /// <summary>Another attempt of the same request may succeed (docs/bybit.md, 3.1).</summary>
    public bool IsRetryable { get; init; }

    /// <summary>When Bybit said its rate-limit window resets (<c>X-Bapi-Limit-Reset-Timestamp</c> or <c>Retry-After</c>).</summary>
    public DateTimeOffset? ResetAt { get; init; }

    /// <summary>How long the circuit stays open, for the <c>Retry-After</c> of a 503.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>No later attempt can succeed: the symbol is unknown or Bybit rejected the parameters.</summary>
    public bool IsPermanent => Kind is BybitErrorKind.UnknownSymbol or BybitErrorKind.Rejected;

    /// <summary>Maps a business error (HTTP 200, <c>retCode</c> ≠ 0) by its code, the message only telling the two 10001s apart.</summary>
    public static BybitException FromRetCode(int retCode, string? retMsg, string? symbol, DateTimeOffset? resetAt)
    {
        var message = $"retCode {retCode}: {retMsg}";
        return retCode switch
        {
            10001 when IsUnsupportedSymbol(retMsg) => new(BybitErrorKind.UnknownSymbol, message) { RetCode = retCode, Symbol = symbol },
            10029 => new(BybitErrorKind.UnknownSymbol, message) { RetCode = retCode, Symbol = symbol },
            10001 or 10017 => new(BybitErrorKind.Rejected, message) { RetCode = retCode, Symbol = symbol },
            10006 or 10018 => new(BybitErrorKind.RateLimited, message) { RetCode = retCode, Symbol = symbol, IsRetryable = true, ResetAt = resetAt },
            10000 or 10016 or 429 => new(BybitErrorKind.Upstream, message) { RetCode = retCode, Symbol = symbol, IsRetryable = true },
            _ => new(BybitErrorKind.Upstream, message) { RetCode = retCode, Symbol = symbol },
        };
    }

    // "Not supported symbols" on kline, "symbol is not supported HUSDT" elsewhere (docs/bybit.md, 3.1); other 10001s are parameter errors.
    private static bool IsUnsupportedSymbol(string? retMsg) =>
        retMsg is not null
        && retMsg.Contains("not supported", StringComparison.OrdinalIgnoreCase)
        && retMsg.Contains("symbol", StringComparison.OrdinalIgnoreCase);
}
