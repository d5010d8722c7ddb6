using System.Globalization;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Model;

namespace Platform.Gateway.Routing;

/// <summary>
/// Holds a proxied request to its route's <c>MaxRequestBodySize</c> with one answer, 413 ProblemDetails naming the limit:
/// before proxying when the declared <c>Content-Length</c> exceeds it (a service that answers before reading the body would
/// otherwise never see the limit), and when a body without a length passes it while the proxy streams it, where the proxy
/// alone would leave a bare 413. The rest of such a body is never read, so the answer closes the connection
/// (docs/api-behaviour.md, 4.7).
/// </summary>
internal sealed class BodySizeLimitMiddleware(RequestDelegate next, IProblemDetailsService problemDetails)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<RouteModel>()?.Config.MaxRequestBodySize;
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
        await next(context);
        if (context.Response is { StatusCode: StatusCodes.Status413PayloadTooLarge, HasStarted: false }
            && context.Features.Get<IForwarderErrorFeature>()?.Error == ForwarderError.RequestBodyClient)
        {
            await WriteTooLargeAsync(problemDetails, context, limit.Value);
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
