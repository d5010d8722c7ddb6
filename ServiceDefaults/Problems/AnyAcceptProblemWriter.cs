using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Platform.ServiceDefaults.Problems;

/// <summary>
/// Writes the problem when the framework's writer declines because the request's <c>Accept</c> names no JSON type (a
/// caller asking for CSV or an image): the error is still a typed ProblemDetails, never plain text or an empty body.
/// Registered after the framework's writer, so it only answers what that one leaves.
/// </summary>
internal sealed class AnyAcceptProblemWriter(IOptions<JsonOptions> jsonOptions) : IProblemDetailsWriter
{
    public bool CanWrite(ProblemDetailsContext context) => true;

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var response = context.HttpContext.Response;
        problem.Status ??= response.StatusCode;
        problem.Title ??= ReasonPhrases.GetReasonPhrase(problem.Status.Value);
        ProblemTypes.Apply(problem);
        var typeInfo = jsonOptions.Value.SerializerOptions.GetTypeInfo(problem.GetType());
        return new ValueTask(response.WriteAsJsonAsync(problem, typeInfo, "application/problem+json", context.HttpContext.RequestAborted));
    }
}
