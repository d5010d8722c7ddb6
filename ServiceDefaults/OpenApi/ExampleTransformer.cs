using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace Platform.ServiceDefaults.OpenApi;

/// <summary>Puts each endpoint's <see cref="ApiExample"/>s on its operation's request body and answers.</summary>
internal sealed class ExampleTransformer(IOptions<JsonOptions> jsonOptions) : IOpenApiOperationTransformer
{
    private const string JsonMediaType = "application/json";

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var example in context.Description.ActionDescriptor.EndpointMetadata.OfType<ApiExample>())
        {
            var content = example.Status is { } status ? ResponseContent(operation, status) : RequestContent(operation);
            if (content is null)
            {
                continue;
            }
            if (example.ContentType is { } contentType && !content.ContainsKey(contentType))
            {
                content[contentType] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
            }
            if (content.Count == 0)
            {
                content[JsonMediaType] = new OpenApiMediaType();
            }
            foreach (var (mediaType, media) in Targets(content, example.ContentType))
            {
                media.Example = ToNode(example.Value, IsJson(mediaType));
            }
        }
        return Task.CompletedTask;
    }

    /// <summary>The contents an example is for: the one named, else the JSON ones, else (a form) all of them.</summary>
    private static IEnumerable<KeyValuePair<string, OpenApiMediaType>> Targets(IDictionary<string, OpenApiMediaType> content, string? contentType) =>
        contentType is not null ? content.Where(entry => entry.Key == contentType)
        : content.Any(entry => IsJson(entry.Key)) ? content.Where(entry => IsJson(entry.Key))
        : content;

    public static bool IsJson(string mediaType) =>
        mediaType.StartsWith(JsonMediaType, StringComparison.OrdinalIgnoreCase) || mediaType.Contains("+json", StringComparison.OrdinalIgnoreCase);

    private static IDictionary<string, OpenApiMediaType>? RequestContent(OpenApiOperation operation) => operation.RequestBody switch
    {
        OpenApiRequestBody body => body.Content ??= new Dictionary<string, OpenApiMediaType>(),
        { Content: { } content } => content,
        _ => null,
    };

    private static IDictionary<string, OpenApiMediaType>? ResponseContent(OpenApiOperation operation, int status)
    {
        operation.Responses ??= new OpenApiResponses();
        var key = status.ToString(CultureInfo.InvariantCulture);
        if (!operation.Responses.TryGetValue(key, out var response))
        {
            response = new OpenApiResponse { Description = ReasonPhrases.GetReasonPhrase(status) };
            operation.Responses[key] = response;
        }
        return response switch
        {
            OpenApiResponse own => own.Content ??= new Dictionary<string, OpenApiMediaType>(),
            { Content: { } content } => content,
            _ => null,
        };
    }

    private JsonNode? ToNode(object value, bool json) => value switch
    {
        JsonNode node => node.DeepClone(),
        string text when json => JsonNode.Parse(text),
        string text => JsonValue.Create(text),
        _ => JsonSerializer.SerializeToNode(value, value.GetType(), jsonOptions.Value.SerializerOptions),
    };
}
