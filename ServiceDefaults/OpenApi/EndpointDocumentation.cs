using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Platform.ServiceDefaults.OpenApi;

/// <summary>
/// The words of an endpoint's OpenAPI operation, written beside its mapping: what it does, examples, and the errors it
/// answers. The API-key requirement, the gateway's errors and the error codes are added for every operation by
/// <see cref="ApiDocumentation"/>.
/// </summary>
public static class EndpointDocumentation
{
    /// <summary>Sets the operation's one-line summary and its description: what it does and its limits.</summary>
    public static RouteHandlerBuilder Documented(this RouteHandlerBuilder builder, string summary, string description) =>
        builder.WithSummary(summary).WithDescription(description);

    /// <summary>Adds an example of the request body; a string is taken as JSON text.</summary>
    public static RouteHandlerBuilder WithRequestExample(this RouteHandlerBuilder builder, object example, string? contentType = null) =>
        builder.WithMetadata(new ApiExample(null, contentType, example));

    /// <summary>
    /// Adds an example of the answer with <paramref name="status"/> (200 by default) for <paramref name="contentType"/>, or
    /// for every JSON content of that answer when null.
    /// </summary>
    public static RouteHandlerBuilder WithResponseExample(
        this RouteHandlerBuilder builder, object example, int status = StatusCodes.Status200OK, string? contentType = null) =>
        builder.WithMetadata(new ApiExample(status, contentType, example));

    /// <summary>
    /// Declares the ProblemDetails answers (<c>application/problem+json</c>) the handler itself may give; 400 and 422 carry
    /// <c>errors</c> by field.
    /// </summary>
    public static RouteHandlerBuilder ProducesProblems(this RouteHandlerBuilder builder, params int[] statuses)
    {
        foreach (var status in statuses)
        {
            builder = status is StatusCodes.Status400BadRequest or StatusCodes.Status422UnprocessableEntity
                ? builder.ProducesValidationProblem(status)
                : builder.ProducesProblem(status);
        }
        return builder;
    }
}
