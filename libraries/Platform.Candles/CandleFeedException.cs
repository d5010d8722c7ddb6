using Platform.Jobs;

namespace Platform.Candles;

/// <summary>The market data service refused or failed a candle read; <see cref="StatusCode"/> is its answer.</summary>
public sealed class CandleFeedException(int statusCode, string message, Exception? innerException = null) : Exception(message, innerException)
{
    /// <summary>Waited for when the market data service gave no <c>Retry-After</c> with its 503.</summary>
    public static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(10);

    public int StatusCode { get; } = statusCode;

    /// <summary>The <c>Retry-After</c> of a 503: when the outage behind it (Bybit) may be over.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>A 4xx: the request itself is wrong (unknown symbol, bad range), so running it again cannot help.</summary>
    public bool IsPermanent => StatusCode is >= 400 and < 500 and not 408 and not 429;

    /// <summary>A 503: candles are missing and the exchange cannot be reached (docs/api-behaviour.md, 4.14).</summary>
    public bool IsUpstreamOutage => StatusCode == 503;

    /// <summary>What the failed read means for a job: wait out an outage, fail a wrong request, or try again.</summary>
    public JobError ToJobError() =>
        IsUpstreamOutage ? JobError.Upstream(Message, RetryAfter ?? DefaultRetryAfter)
        : IsPermanent ? JobError.Permanent($"Candles unavailable: {Message}")
        : JobError.Transient(Message);
}
