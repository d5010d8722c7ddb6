using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Platform.ServiceDefaults.Identity;

namespace Platform.ServiceDefaults.OpenApi;

/// <summary>
/// Declares the API-key schemes and puts them on every operation the gateway opens only to a key, with the roles that open
/// it (<see cref="RouteAccess"/>) and the gateway's own answers: 401, 403, 429 and 413 for a body above its limit. Anonymous
/// operations (the health API's probes) get only the rate limit; internal ones, which the gateway does not route, neither.
/// Every operation with a body may also answer 400 for a body that cannot be read.
/// </summary>
internal sealed class ApiKeySecurityTransformer : IOpenApiDocumentTransformer
{
    public async Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[ApiKeySchemes.ApiKey] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = ApiKeySchemes.HeaderName,
            Description = $"An API key in the `{ApiKeySchemes.HeaderName}` header. Its roles (reader, trader, worker, admin) decide which routes it opens.",
        };
        document.Components.SecuritySchemes[ApiKeySchemes.Bearer] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "The same API key sent as `Authorization: Bearer <key>`.",
        };

        foreach (var (path, item) in document.Paths)
        {
            if (item.Operations is null)
            {
                continue;
            }
            foreach (var (method, operation) in item.Operations)
            {
                var routeClass = RouteAccess.Classify(method.Method, path);
                operation.Extensions ??= new Dictionary<string, IOpenApiExtension>();
                operation.Extensions["x-route-class"] = new JsonNodeExtension(JsonValue.Create(routeClass.ToString().ToLowerInvariant())!);
                if (operation.RequestBody is not null)
                {
                    // The framework's answer to a body it cannot read (BadRequestExceptionHandler).
                    await ProblemResponses.AddAsync(document, context, operation, StatusCodes.Status400BadRequest, cancellationToken);
                }
                if (routeClass is RouteClass.Internal)
                {
                    continue;
                }
                await ProblemResponses.AddAsync(document, context, operation, StatusCodes.Status429TooManyRequests, cancellationToken);
                if (routeClass is RouteClass.Public)
                {
                    continue;
                }
                operation.Security =
                [
                    new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeySchemes.ApiKey, document)] = [] },
                    new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeySchemes.Bearer, document)] = [] },
                ];
                operation.Extensions["x-required-roles"] = new JsonNodeExtension(
                    new JsonArray([.. RouteAccess.RolesFor(routeClass).Where(role => role != Roles.Service).Select(role => JsonValue.Create(role))]));
                await ProblemResponses.AddAsync(document, context, operation, StatusCodes.Status401Unauthorized, cancellationToken);
                await ProblemResponses.AddAsync(document, context, operation, StatusCodes.Status403Forbidden, cancellationToken);
                if (operation.RequestBody is not null)
                {
                    await ProblemResponses.AddAsync(document, context, operation, StatusCodes.Status413PayloadTooLarge, cancellationToken);
                }
            }
        }
    }
}
