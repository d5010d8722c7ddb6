namespace Platform.MarketData.Bybit;

/// <summary>Why a Bybit call produced no data; decides the HTTP answer (<see cref="BybitExceptionHandler"/>).</summary>
internal enum BybitErrorKind
{
    /// <summary>retCode 10001 saying the symbol is not supported, or 10029 (symbol not in the whitelist).</summary>
    UnknownSymbol,

    /// <summary>Bybit refused the request itself (other 10001, 10017, HTTP 4xx): permanent.</summary>
    Rejected,

    /// <summary>retCode 10006/10018 or HTTP 429 that outlived the retries, or the client-side queue is full.</summary>
    RateLimited,

    /// <summary>The circuit is open (repeated outages or an HTTP 403 IP ban); nothing is sent until it closes.</summary>
    Unavailable,

    /// <summary>5xx, timeouts, network errors, bodies that are not Bybit JSON, retCode 10000/10016 after the retries.</summary>
    Upstream,
}
