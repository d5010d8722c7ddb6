using System.Globalization;
using Yarp.ReverseProxy.Model;

namespace Platform.Gateway.Routing;

/// <summary>
/// Answers 413 ProblemDetails before proxying when the declared <c>Content-Length</c> exceeds the route's
/// <c>MaxRequestBodySize</c>: a service that answers before reading the body would otherwise never see the limit.
/// Bodies without a length are cut at the same limit by the proxy as they stream.
/// </summary>
internal sealed class BodySizeLimitMiddleware(RequestDelegate next, IProblemDetailsService problemDetails)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<RouteModel>()?.Config.MaxRequestBodySize;
        if (limit is > 0 && context.Request.ContentLength > limit)
        {
            await WriteTooLargeAsync(problemDetails, context, limit.Value);
            return;
        }
        await next(context);
    }

    public static async Task WriteTooLargeAsync(IProblemDetailsService problemDetails, HttpContext context, long limit)
    {
        context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
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
