using System.Globalization;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Model;

namespace Platform.Gateway.Routing;

/// <summary>
/// Holds a proxied request to its route's <c>MaxRequestBodySize</c> with one answer, 413 ProblemDetails naming the limit:
/// before proxying when the declared <c>Content-Length</c> exceeds it (a service that answers before reading the body would
/// otherwise never see the limit), and when a body without a length passes it while the proxy streams it, where the proxy
/// alone would leave a bare 413. The answer closes the connection (docs/api-behaviour.md, 4.7).
/// </summary>
/// <remarks>
/// A streamed body (uploads) is counted here rather than by Kestrel, so that after the 413 the rest of it
/// can be read and dropped for a moment, as nginx's lingering close does: closing a socket with unread bytes resets the
/// connection, and the reset can destroy the answer in the client's buffers before the client reads it.
/// </remarks>
internal sealed class BodySizeLimitMiddleware(RequestDelegate next, IProblemDetailsService problemDetails)
{
    private static readonly TimeSpan LingerTime = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan LingerIdle = TimeSpan.FromSeconds(1);

    public async Task InvokeAsync(HttpContext context)
    {
        var route = context.GetEndpoint()?.Metadata.GetMetadata<RouteModel>()?.Config;
        var streamedCap = route?.Metadata?.GetValueOrDefault(PlatformRoutes.StreamedBodyMetadata) is { } cap
            ? long.Parse(cap, CultureInfo.InvariantCulture)
            : (long?)null;
        var limit = streamedCap ?? route?.MaxRequestBodySize;
        if (limit is not > 0)
        {
            await next(context);
            return;
        }
        if (context.Request.ContentLength > limit)
        {
            await WriteTooLargeAsync(problemDetails, context, limit.Value);
            return;
        }
        if (streamedCap is not null)
        {
            await StreamCappedAsync(context, limit.Value);
            return;
        }
        await next(context);
        if (context.Response is { StatusCode: StatusCodes.Status413PayloadTooLarge, HasStarted: false }
            && context.Features.Get<IForwarderErrorFeature>()?.Error == ForwarderError.RequestBodyClient)
        {
            await WriteTooLargeAsync(problemDetails, context, limit.Value);
        }
    }

    private async Task StreamCappedAsync(HttpContext context, long limit)
    {
        var body = context.Request.Body;
        var capped = new CappedRequestBody(body, limit);
        context.Request.Body = capped;
        await next(context);
        if (!capped.Exceeded || context.Response.HasStarted)
        {
            return;
        }
        await WriteTooLargeAsync(problemDetails, context, limit);
        await context.Response.CompleteAsync();
        await DropTheRestAsync(body);
    }

    /// <summary>Reads and drops what the client still sends, for at most <see cref="LingerTime"/>, until it stops for <see cref="LingerIdle"/>.</summary>
    private static async Task DropTheRestAsync(Stream body)
    {
        var buffer = new byte[64 * 1024];
        using var linger = new CancellationTokenSource(LingerTime);
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(linger.Token);
        try
        {
            idle.CancelAfter(LingerIdle);
            while (await body.ReadAsync(buffer, idle.Token) > 0)
            {
                idle.CancelAfter(LingerIdle);
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException or BadHttpRequestException)
        {
            // The client went quiet, closed, or the time is up: the connection closes with nothing, or little, unread.
        }
    }

    /// <summary>Writes the 413 of a body over <paramref name="limit"/> whose rest is left unread.</summary>
    public static async Task WriteTooLargeAsync(IProblemDetailsService problemDetails, HttpContext context, long limit)
    {
        context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        context.Response.Headers.Connection = "close";
        await problemDetails.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = StatusCodes.Status413PayloadTooLarge,
                Title = "The request body is too large.",
                Detail = string.Create(CultureInfo.InvariantCulture, $"This route accepts at most {limit} bytes."),
            },
        });
    }
}
