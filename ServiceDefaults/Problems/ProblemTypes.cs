using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Platform.ServiceDefaults.Problems;

/// <summary>One kind of error: its <c>type</c> URI, the status it comes with, and what it means.</summary>
public sealed record ProblemType(string Uri, int Status, string Meaning);

/// <summary>
/// The stable, machine-readable <c>type</c> of every ProblemDetails the platform answers, one per kind of error
/// (docs/api-behaviour.md, 1.3). The URIs are relative: clients compare them as strings, they are not fetched. A status with
/// no kind of its own keeps RFC 9457's <c>about:blank</c>.
/// </summary>
public static class ProblemTypes
{
    public const string Blank = "about:blank";

    public static ProblemType Validation { get; } = new("/errors/validation", StatusCodes.Status400BadRequest,
        "A field or parameter is malformed (wrong JSON shape, unknown value, bad query parameter); `errors` names each field.");

    public static ProblemType BadRequest { get; } = new("/errors/bad-request", StatusCodes.Status400BadRequest,
        "The request cannot be used as a whole (unreadable body, a report or chart of a run that is not completed).");

    public static ProblemType Unauthorized { get; } = new("/errors/unauthorized", StatusCodes.Status401Unauthorized,
        "No valid API key (at the gateway) or signed identity (at a service).");

    public static ProblemType Forbidden { get; } = new("/errors/forbidden", StatusCodes.Status403Forbidden,
        "The key's roles do not open the route, or the caller neither owns the resource nor is an admin.");

    public static ProblemType NotFound { get; } = new("/errors/not-found", StatusCodes.Status404NotFound,
        "The resource (backtest, strategy, optimization, upload, job, component) does not exist.");

    public static ProblemType MethodNotAllowed { get; } = new("/errors/method-not-allowed", StatusCodes.Status405MethodNotAllowed,
        "The path exists but not with this HTTP method.");

    public static ProblemType Conflict { get; } = new("/errors/conflict", StatusCodes.Status409Conflict,
        "The resource's state forbids the call: illegal status change, already claimed or running, duplicate name, in use.");

    public static ProblemType PayloadTooLarge { get; } = new("/errors/payload-too-large", StatusCodes.Status413PayloadTooLarge,
        "The body, an upload or its inflated text is above its limit; nothing was stored.");

    public static ProblemType UnsupportedMediaType { get; } = new("/errors/unsupported-media-type", StatusCodes.Status415UnsupportedMediaType,
        "An upload that is not a CSV or JSON Lines candle file.");

    public static ProblemType Unprocessable { get; } = new("/errors/unprocessable", StatusCodes.Status422UnprocessableEntity,
        "A well-formed request whose values are not acceptable (ranges, dates, limits, strategy parameters, no data); `errors` names the fields when fields are to blame.");

    public static ProblemType RateLimited { get; } = new("/errors/rate-limited", StatusCodes.Status429TooManyRequests,
        "The gateway's rate limit for the key or address is spent; `Retry-After` says when to try again.");

    public static ProblemType Internal { get; } = new("/errors/internal", StatusCodes.Status500InternalServerError,
        "Our fault, such as a database that did not answer; the caller's request may be fine.");

    public static ProblemType UpstreamFailed { get; } = new("/errors/upstream-failed", StatusCodes.Status502BadGateway,
        "Bybit or another service failed after retries.");

    public static ProblemType Unavailable { get; } = new("/errors/unavailable", StatusCodes.Status503ServiceUnavailable,
        "A dependency is unavailable for now (Bybit's circuit is open, the service is not ready); `Retry-After` when known.");

    public static ProblemType UpstreamTimeout { get; } = new("/errors/upstream-timeout", StatusCodes.Status504GatewayTimeout,
        "The service behind the gateway did not answer in time.");

    /// <summary>Every kind, in status order: the table of docs/api-behaviour.md, 1.3 and of the OpenAPI documents.</summary>
    public static IReadOnlyList<ProblemType> All { get; } =
    [
        Validation, BadRequest, Unauthorized, Forbidden, NotFound, MethodNotAllowed, Conflict, PayloadTooLarge,
        UnsupportedMediaType, Unprocessable, RateLimited, Internal, UpstreamFailed, Unavailable, UpstreamTimeout,
    ];

    /// <summary>The kinds a response of <paramref name="status"/> may carry.</summary>
    public static IReadOnlyList<ProblemType> WithStatus(int status) => [.. All.Where(kind => kind.Status == status)];

    /// <summary>
    /// The kind of <paramref name="problem"/>: a 400 naming fields is <see cref="Validation"/>, any other 400
    /// <see cref="BadRequest"/>; other statuses have one kind each.
    /// </summary>
    public static string UriOf(ProblemDetails problem) => problem switch
    {
        { Status: StatusCodes.Status400BadRequest } => problem is HttpValidationProblemDetails { Errors.Count: > 0 } ? Validation.Uri : BadRequest.Uri,
        { Status: { } status } => All.FirstOrDefault(kind => kind.Status == status)?.Uri ?? Blank,
        _ => Blank,
    };

    /// <summary>
    /// Sets the <c>type</c> of <paramref name="problem"/> unless a handler chose one of its own: the framework's defaults
    /// (links to the RFC sections of the status code) say no more than the status, so they are replaced.
    /// </summary>
    public static void Apply(ProblemDetails problem)
    {
        if (problem.Type is null or Blank || problem.Type.StartsWith("https://tools.ietf.org/", StringComparison.Ordinal))
        {
            problem.Type = UriOf(problem);
        }
    }
}
