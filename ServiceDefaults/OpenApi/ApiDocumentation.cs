using Microsoft.Extensions.DependencyInjection;

namespace Platform.ServiceDefaults.OpenApi;

/// <summary>The OpenAPI document of a service, <c>/openapi/v1.json</c>, which the gateway serves at <c>/docs</c>.</summary>
public static class ApiDocumentation
{
    /// <summary>
    /// Adds the document with each endpoint's examples (<see cref="EndpointDocumentation"/>), the API-key schemes and
    /// requirements, and the error codes of every ProblemDetails answer.
    /// </summary>
    public static IServiceCollection AddApiDocumentation(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.AddOperationTransformer<ExampleTransformer>();
            options.AddDocumentTransformer<ApiKeySecurityTransformer>();
            options.AddDocumentTransformer<ErrorCodeTransformer>();
        });
}
