using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Platform.Testing.FakeBybit;

/// <summary>
/// A scripted misbehaviour of the fake, as listed in docs/bybit.md, 6. Queue it
/// for the next matching request with <see cref="FakeBybitServer.Enqueue"/>, or keep it on with <see cref="FakeBybitServer.SetFault"/>.
/// </summary>
public abstract record FakeFault
{
    /// <summary>The Amazon CloudFront page Bybit's edge answers a banned or blocked IP with.</summary>
    public const string CloudFrontHtml =
        "<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01 Transitional//EN\"><HTML><HEAD><TITLE>ERROR: The request could not be satisfied</TITLE></HEAD>" +
        "<BODY><H1>403 ERROR</H1><H2>The request could not be satisfied.</H2><HR noshade size=\"1px\">" +
        "The Amazon CloudFront distribution is configured to block access from your country.</BODY></HTML>";

    private protected FakeFault()
    {
    }

    /// <summary>HTTP 200 with retCode 10006; with <paramref name="resetAfter"/> also <c>X-Bapi-Limit-Reset-Timestamp</c> = now + it.</summary>
    public static FakeFault RateLimited(TimeSpan? resetAfter = null) => new RetCodeFault(10006, "Too many visits!", resetAfter);

    /// <summary>HTTP 200 with any business error, e.g. 10001 "params error", 10016 "System error. Please try again later.".</summary>
    public static FakeFault RetCode(int retCode, string retMsg) => new RetCodeFault(retCode, retMsg, null);

    /// <summary>HTTP 403 with CloudFront's HTML body: the IP ban (docs/bybit.md, 3.2).</summary>
    public static FakeFault Forbidden() => new StatusFault(403, CloudFrontHtml, "text/html");

    /// <summary>
    /// HTTP 429, the system-level frequency protection; with <paramref name="retryAfter"/> a <c>Retry-After</c> header in whole
    /// seconds, with <paramref name="resetAfter"/> also <c>X-Bapi-Limit-Reset-Timestamp</c> = now + it (negative for a past reset).
    /// </summary>
    public static FakeFault TooManyRequests(TimeSpan? retryAfter = null, TimeSpan? resetAfter = null) =>
        new StatusFault(429, "Too Many Requests", "text/plain") { RetryAfter = retryAfter, ResetAfter = resetAfter };

    /// <summary>An edge 5xx with a non-JSON body.</summary>
    public static FakeFault ServerError(int statusCode = 502) =>
        new StatusFault(statusCode, $"<html><body><h1>{statusCode.ToString(CultureInfo.InvariantCulture)} Server Error</h1></body></html>", "text/html");

    /// <summary>HTTP 200 whose body is not JSON.</summary>
    public static FakeFault NotJson() => new StatusFault(200, "<html><body>maintenance</body></html>", "text/html");

    /// <summary>Answers normally after <paramref name="delay"/> (or when the client gives up first).</summary>
    public static FakeFault Delay(TimeSpan delay) => new DelayFault(delay);

    /// <summary>retCode 0 with <c>"list": []</c>, as for a window without data.</summary>
    public static FakeFault EmptyList() => new EmptyListFault();

    internal abstract Task WriteAsync(HttpContext context, FakeBybitServer server, CancellationToken cancellationToken);

    private static void WriteReset(HttpContext context, TimeSpan? resetAfter)
    {
        if (resetAfter is { } after)
        {
            // The reset is a real instant: the client compares it with its own clock, not the fake's market clock.
            context.Response.Headers["X-Bapi-Limit-Reset-Timestamp"] =
                (DateTimeOffset.UtcNow + after).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        }
    }

    private sealed record RetCodeFault(int Code, string Message, TimeSpan? ResetAfter) : FakeFault
    {
        internal override Task WriteAsync(HttpContext context, FakeBybitServer server, CancellationToken cancellationToken)
        {
            WriteReset(context, ResetAfter);
            return FakeEnvelope.WriteErrorAsync(context, Code, Message, server.NowMilliseconds, cancellationToken);
        }
    }

    private sealed record StatusFault(int StatusCode, string Body, string ContentType) : FakeFault
    {
        public TimeSpan? RetryAfter { get; init; }

        public TimeSpan? ResetAfter { get; init; }

        internal override Task WriteAsync(HttpContext context, FakeBybitServer server, CancellationToken cancellationToken)
        {
            if (RetryAfter is { } retryAfter)
            {
                context.Response.Headers.RetryAfter = ((long)retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            }
            WriteReset(context, ResetAfter);
            context.Response.StatusCode = StatusCode;
            context.Response.ContentType = ContentType;
            return context.Response.WriteAsync(Body, cancellationToken);
        }
    }

    private sealed record DelayFault(TimeSpan Wait) : FakeFault
    {
        internal override async Task WriteAsync(HttpContext context, FakeBybitServer server, CancellationToken cancellationToken)
        {
            await Task.Delay(Wait, cancellationToken);
            await server.AnswerAsync(context, cancellationToken, emptyList: false);
        }
    }

    private sealed record EmptyListFault : FakeFault
    {
        internal override Task WriteAsync(HttpContext context, FakeBybitServer server, CancellationToken cancellationToken) =>
            server.AnswerAsync(context, cancellationToken, emptyList: true);
    }
}
