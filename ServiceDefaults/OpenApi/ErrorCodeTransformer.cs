using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.OpenApi;
using Platform.ServiceDefaults.Problems;

namespace Platform.ServiceDefaults.OpenApi;

/// <summary>
/// Names the error codes (<see cref="ProblemTypes"/>) in the document: each ProblemDetails answer gets the meaning of its
/// codes and an example carrying one, each operation lists its codes in <c>x-error-codes</c>, and the ProblemDetails
/// schemas describe every code.
/// </summary>
internal sealed class ErrorCodeTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var operation in document.Paths.Values.SelectMany(item => item.Operations?.Values.AsEnumerable() ?? []))
        {
            var codes = new JsonArray();
            foreach (var (key, answer) in operation.Responses ?? new OpenApiResponses())
            {
                if (!int.TryParse(key, CultureInfo.InvariantCulture, out var status) || answer is not OpenApiResponse { Content: { } content } response
                    || !content.TryGetValue(ProblemResponses.MediaType, out var problem))
                {
                    continue;
                }
                var kinds = ProblemTypes.WithStatus(status);
                if (response.Description is null || response.Description == ReasonPhrases.GetReasonPhrase(status))
                {
                    response.Description = Describe(status, kinds);
                }
                problem.Example ??= Example(status, kinds);
                foreach (var kind in kinds)
                {
                    codes.Add(new JsonObject { ["status"] = status, ["type"] = kind.Uri });
                }
            }
            if (codes.Count > 0)
            {
                operation.Extensions ??= new Dictionary<string, IOpenApiExtension>();
                operation.Extensions["x-error-codes"] = new JsonNodeExtension(codes);
            }
        }
        foreach (var schema in (document.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>()).Values.OfType<OpenApiSchema>())
        {
            if (schema.Properties is { } properties && properties.ContainsKey("type") && properties.ContainsKey("status") && properties.ContainsKey("detail"))
            {
                schema.Description = CodeTable();
            }
        }
        return Task.CompletedTask;
    }

    private static string Describe(int status, IReadOnlyList<ProblemType> kinds) =>
        kinds.Count == 0
            ? ReasonPhrases.GetReasonPhrase(status)
            : $"{ReasonPhrases.GetReasonPhrase(status)}. " + string.Join(" ", kinds.Select(kind => $"`{kind.Uri}`: {kind.Meaning}"));

    private static JsonObject Example(int status, IReadOnlyList<ProblemType> kinds)
    {
        var example = new JsonObject
        {
            ["type"] = kinds.Count > 0 ? kinds[0].Uri : ProblemTypes.Blank,
            ["title"] = ReasonPhrases.GetReasonPhrase(status),
            ["status"] = status,
            ["detail"] = kinds.Count > 0 ? kinds[0].Meaning : null,
        };
        if (status is StatusCodes.Status400BadRequest or StatusCodes.Status422UnprocessableEntity)
        {
            example["errors"] = new JsonObject { ["field"] = new JsonArray("What is wrong with the field's value.") };
        }
        return example;
    }

    private static string CodeTable()
    {
        var table = new StringBuilder("An error answer (RFC 9457). `type` is a stable code to branch on; `errors` names each invalid field.\n\n")
            .Append("| type | status | meaning |\n|---|---|---|\n");
        foreach (var kind in ProblemTypes.All)
        {
            table.Append(CultureInfo.InvariantCulture, $"| `{kind.Uri}` | {kind.Status} | {kind.Meaning} |\n");
        }
        return table.ToString();
    }
}
