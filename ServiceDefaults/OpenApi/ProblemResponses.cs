using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.OpenApi;

namespace Platform.ServiceDefaults.OpenApi;

/// <summary>ProblemDetails answers of an operation in a document: the media type and the shared schema they use.</summary>
internal static class ProblemResponses
{
    public const string MediaType = "application/problem+json";

    private const string SchemaId = nameof(ProblemDetails);

    /// <summary>Adds a ProblemDetails answer with <paramref name="status"/> to <paramref name="operation"/> unless it has one.</summary>
    public static async Task AddAsync(
        OpenApiDocument document, OpenApiDocumentTransformerContext context, OpenApiOperation operation, int status, CancellationToken cancellationToken)
    {
        operation.Responses ??= new OpenApiResponses();
        var key = status.ToString(CultureInfo.InvariantCulture);
        if (operation.Responses.ContainsKey(key))
        {
            return;
        }
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        if (!document.Components.Schemas.ContainsKey(SchemaId))
        {
            document.Components.Schemas[SchemaId] = await context.GetOrCreateSchemaAsync(typeof(ProblemDetails), null, cancellationToken);
        }
        operation.Responses[key] = new OpenApiResponse
        {
            Description = ReasonPhrases.GetReasonPhrase(status),
            Content = new Dictionary<string, OpenApiMediaType>
            {
                [MediaType] = new() { Schema = new OpenApiSchemaReference(SchemaId, document) },
            },
        };
    }
}
