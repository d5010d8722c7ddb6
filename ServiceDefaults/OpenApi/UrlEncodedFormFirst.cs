using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Platform.ServiceDefaults.OpenApi;

/// <summary>
/// Lists <c>application/x-www-form-urlencoded</c> before <c>multipart/form-data</c> on a form body that takes either:
/// generated clients send a form the first way its operation lists, and only a form with a file needs multipart.
/// </summary>
internal sealed class UrlEncodedFormFirst : IOpenApiOperationTransformer
{
    private const string UrlEncoded = "application/x-www-form-urlencoded";

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (operation.RequestBody is OpenApiRequestBody { Content: { } content } body
            && content.ContainsKey(UrlEncoded) && content.Keys.First() != UrlEncoded)
        {
            body.Content = content.OrderBy(media => media.Key != UrlEncoded).ToDictionary();
        }
        return Task.CompletedTask;
    }
}
