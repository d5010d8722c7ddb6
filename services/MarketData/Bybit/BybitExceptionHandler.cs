using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;

namespace Platform.MarketData.Bybit;

/// <summary>
/// Answers a <see cref="BybitException"/> as ProblemDetails: unknown symbol 422, circuit open 503 with <c>Retry-After</c>,
/// anything else 502 "Bybit request failed: ..." (docs/api-behaviour.md, 4.4), so an outage never looks like an empty list.
/// </summary>
internal sealed class BybitExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BybitException bybit)
        {
            return false;
        }
        var (status, title, detail) = bybit.Kind switch
        {
            BybitErrorKind.UnknownSymbol => (
                StatusCodes.Status422UnprocessableEntity, "Unknown symbol.", $"Bybit does not list the symbol '{bybit.Symbol}' ({bybit.Message})."),
            BybitErrorKind.Unavailable => (
                StatusCodes.Status503ServiceUnavailable, "Bybit is unavailable.", $"Bybit is unavailable: {bybit.Message}."),
            _ => (StatusCodes.Status502BadGateway, "Bybit request failed.", $"Bybit request failed: {bybit.Message}."),
        };
        httpContext.Response.StatusCode = status;
        if (bybit.Kind == BybitErrorKind.Unavailable)
        {
            var seconds = Math.Max(1, (long)Math.Ceiling((bybit.RetryAfter ?? TimeSpan.Zero).TotalSeconds));
            httpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        }
        var problem = new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        };
        if (bybit.Symbol is not null)
        {
            problem.ProblemDetails.Extensions["symbol"] = bybit.Symbol;
        }
        if (bybit.RetCode is { } retCode)
        {
            problem.ProblemDetails.Extensions["ret_code"] = retCode;
        }
        return await problemDetails.TryWriteAsync(problem);
    }
}
