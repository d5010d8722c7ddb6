using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Platform.ServiceDefaults.OpenApi;

/// <summary>Declares <see cref="TotalCount.Header"/> on the 200 answer of each endpoint marked with it.</summary>
internal sealed class TotalCountTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<TotalCountMetadata>().Any()
            && operation.Responses?.TryGetValue("200", out var answer) == true && answer is OpenApiResponse ok)
        {
            ok.Headers ??= new Dictionary<string, IOpenApiHeader>();
            ok.Headers[TotalCount.Header] = new OpenApiHeader
            {
                Description = "How many items the filter matches in all, beyond this page.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int64" },
            };
        }
        return Task.CompletedTask;
    }
}
