using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.ServiceDefaults.OpenApi;

/// <summary>The OpenAPI document of a service, <c>/openapi/v1.json</c>, which the gateway serves at <c>/docs</c>.</summary>
public static class ApiDocumentation
{
    /// <summary>
    /// Adds the document with each endpoint's examples (<see cref="EndpointDocumentation"/>), the API-key schemes and
    /// requirements, and the error codes of every ProblemDetails answer. Free-form JSON (a strategy's configuration, a
    /// chart) is described in place rather than as a component, so that generated clients read it as any JSON value
    /// instead of as an empty class.
    /// </summary>
    public static IServiceCollection AddApiDocumentation(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.CreateSchemaReferenceId = type =>
                IsFreeForm(type.Type) ? null : OpenApiOptions.CreateDefaultSchemaReferenceId(type);
            options.AddOperationTransformer<ExampleTransformer>();
            options.AddOperationTransformer<UrlEncodedFormFirst>();
            options.AddOperationTransformer<TotalCountTransformer>();
            options.AddDocumentTransformer<ApiKeySecurityTransformer>();
            options.AddDocumentTransformer<ErrorCodeTransformer>();
        });

    private static bool IsFreeForm(Type type) =>
        type == typeof(JsonElement) || type == typeof(JsonElement?) || typeof(JsonNode).IsAssignableFrom(type);
}
