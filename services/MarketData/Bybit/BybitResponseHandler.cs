using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Platform.MarketData.Bybit;

/// <summary>
/// Sits inside the resilience pipeline, under every attempt: turns each answer that is not HTTP 200 with <c>retCode</c> 0
/// into a <see cref="BybitException"/>, so the retry and the circuit breaker decide on one exception type. Business errors
/// come back as HTTP 200 (docs/bybit.md, 1.2), so the body of every 200 is checked here; it stays buffered for the client.
/// </summary>
internal sealed class BybitResponseHandler(
    BybitCircuit circuit, BybitMetrics metrics, TimeProvider time, IOptions<BybitResilienceOptions> options, ILogger<BybitResponseHandler> logger)
    : DelegatingHandler
{
    /// <summary>The symbol a request is about, so that an unknown-symbol error can name it.</summary>
    public static readonly HttpRequestOptionsKey<string> SymbolOption = new("bybit.symbol");

    private static readonly long MaxTimestampMs = DateTimeOffset.MaxValue.ToUnixTimeMilliseconds();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var endpoint = request.RequestUri?.AbsolutePath ?? "";
        request.Options.TryGetValue(SymbolOption, out var symbol);
        HttpResponseMessage? response = null;
        BybitException? failure;
        try
        {
            response = await base.SendAsync(request, cancellationToken);
            failure = await CheckAsync(response, endpoint, symbol, cancellationToken);
        }
        catch (Exception)
        {
            // Network errors, the attempt timeout and aborted bodies: counted here, classified by the pipeline.
            metrics.RecordRequest(endpoint, "error");
            response?.Dispose();
            throw;
        }
        if (failure is null)
        {
            metrics.RecordRequest(endpoint, "ok");
            return response;
        }
        response.Dispose();
        throw failure;
    }

    private async Task<BybitException?> CheckAsync(HttpResponseMessage response, string endpoint, string? symbol, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        if (response.StatusCode != HttpStatusCode.OK)
        {
            metrics.RecordRequest(endpoint, $"http_{status}");
        }
        switch (response.StatusCode)
        {
            case HttpStatusCode.OK:
                break;
            case HttpStatusCode.Forbidden:
                // The body is CloudFront HTML, not Bybit JSON (docs/bybit.md, 3.2); never retried, it would only extend the ban.
                metrics.RecordRateLimitHit("http_403");
                logger.Banned(endpoint, options.Value.BanDuration);
                await circuit.BanAsync(cancellationToken);
                return new BybitException(BybitErrorKind.Unavailable, "Bybit refused access with HTTP 403 (IP rate-limit ban or blocked region)")
                {
                    Symbol = symbol,
                    HttpStatus = status,
                    RetryAfter = options.Value.BanDuration,
                };
            case HttpStatusCode.TooManyRequests:
                metrics.RecordRateLimitHit("http_429");
                return new BybitException(BybitErrorKind.RateLimited, "Bybit answered HTTP 429 (too many requests)")
                {
                    Symbol = symbol,
                    HttpStatus = status,
                    IsRetryable = true,
                    ResetAt = ResetAt(response),
                };
            case >= HttpStatusCode.InternalServerError:
                return new BybitException(BybitErrorKind.Upstream, $"Bybit answered HTTP {status}")
                {
                    Symbol = symbol,
                    HttpStatus = status,
                    IsRetryable = true,
                };
            default:
                return new BybitException(BybitErrorKind.Rejected, $"Bybit answered HTTP {status}") { Symbol = symbol, HttpStatus = status };
        }

        BybitStatus? envelope;
        try
        {
            // Bytes, not ReadFromJsonAsync: that disposes the buffered content's one stream, which the client still has to read.
            await response.Content.LoadIntoBufferAsync(cancellationToken);
            envelope = JsonSerializer.Deserialize(await response.Content.ReadAsByteArrayAsync(cancellationToken), BybitJsonContext.Default.BybitStatus);
        }
        catch (JsonException exception)
        {
            metrics.RecordRequest(endpoint, "not_json");
            return new BybitException(BybitErrorKind.Upstream, "Bybit answered HTTP 200 with a body that is not JSON", exception) { Symbol = symbol };
        }
        switch (envelope?.RetCode)
        {
            case null:
                metrics.RecordRequest(endpoint, "not_json");
                return new BybitException(BybitErrorKind.Upstream, "Bybit answered HTTP 200 without a retCode") { Symbol = symbol };
            case 0:
                return null;
            case { } retCode:
                metrics.RecordRequest(endpoint, $"retcode_{retCode}");
                if (retCode is 10006 or 10018)
                {
                    metrics.RecordRateLimitHit($"retcode_{retCode}");
                }
                return BybitException.FromRetCode(retCode, envelope.RetMsg, symbol, ResetAt(response));
        }
    }

    /// <summary>
    /// When Bybit's rate-limit window resets (docs/bybit.md, 3.3): <c>X-Bapi-Limit-Reset-Timestamp</c> (ms) when it is in the
    /// future (it may be absent even on a 10006), else a standard <c>Retry-After</c>; null leaves the exponential back-off.
    /// </summary>
    private DateTimeOffset? ResetAt(HttpResponseMessage response)
    {
        var now = time.GetUtcNow();
        if (response.Headers.TryGetValues("X-Bapi-Limit-Reset-Timestamp", out var values)
            && long.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var resetMs)
            && resetMs <= MaxTimestampMs
            && DateTimeOffset.FromUnixTimeMilliseconds(resetMs) is var reset
            && reset > now)
        {
            return reset;
        }
        return response.Headers.RetryAfter switch
        {
            { Date: { } date } => date,
            { Delta: { } delta } => now + delta,
            _ => null,
        };
    }
}
