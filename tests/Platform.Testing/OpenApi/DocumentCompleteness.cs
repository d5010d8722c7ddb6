using System.Globalization;
using System.Text.Json;

namespace Platform.Testing.OpenApi;

/// <summary>
/// What a service's OpenAPI document leaves out, operation by operation: a summary, a description, examples of the request
/// body and of the success answer, ProblemDetails error answers with their codes, and the API-key requirement on every
/// operation the gateway opens only to a key. Examples whose fields the schema does not have count as gaps too.
/// </summary>
public sealed record DocumentCompleteness(IReadOnlyList<string> Gaps, string Figures)
{
    private const string ProblemMediaType = "application/problem+json";

    /// <summary>Answers whose bodies are files or images: an example of them would say nothing.</summary>
    private static readonly string[] BinaryMediaTypes = ["image/png", "application/pdf", "application/zip", "application/octet-stream", "application/x-platform-equity"];

    public static DocumentCompleteness Of(JsonElement document)
    {
        var gaps = new List<string>();
        int operations = 0, summaries = 0, descriptions = 0, examples = 0, errors = 0, secured = 0;
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var method in path.Value.EnumerateObject())
            {
                var operation = method.Value;
                var name = operation.TryGetProperty("operationId", out var id) ? $"{id.GetString()} ({method.Name.ToUpperInvariant()} {path.Name})" : $"{method.Name.ToUpperInvariant()} {path.Name}";
                var found = new List<string>();
                operations++;
                summaries += Count(HasText(operation, "summary"), found, "no summary");
                descriptions += Count(HasText(operation, "description"), found, "no description");
                examples += Count(ExampleGaps(document, operation, found), found, "");
                errors += Count(ErrorGaps(operation, found), found, "");
                secured += Count(SecurityGaps(operation, found), found, "");
                gaps.AddRange(found.Where(gap => gap.Length > 0).Select(gap => $"{name}: {gap}"));
            }
        }
        var figures = string.Create(CultureInfo.InvariantCulture,
            $"{operations} operations: {summaries} with a summary, {descriptions} with a description, {examples} with their examples, {errors} with their error answers, {secured} with the key requirement they need");
        return new DocumentCompleteness(gaps, figures);
    }

    private static int Count(bool complete, List<string> found, string gap)
    {
        if (!complete && gap.Length > 0)
        {
            found.Add(gap);
        }
        return complete ? 1 : 0;
    }

    private static bool HasText(JsonElement operation, string property) =>
        operation.TryGetProperty(property, out var text) && !string.IsNullOrWhiteSpace(text.GetString());

    private static bool ExampleGaps(JsonElement document, JsonElement operation, List<string> found)
    {
        var before = found.Count;
        if (operation.TryGetProperty("requestBody", out var body) && !HasExample(document, body, "request body", found))
        {
            found.Add("no request example");
        }
        var success = operation.GetProperty("responses").EnumerateObject().Where(response => response.Name.StartsWith('2')).OrderBy(response => response.Name).ToList();
        if (success.Count == 0)
        {
            found.Add("no success answer");
        }
        else if (success[0].Name != "204" && !HasExample(document, success[0].Value, $"{success[0].Name} answer", found))
        {
            found.Add($"no example of the {success[0].Name} answer");
        }
        return found.Count == before;
    }

    /// <summary>Whether a request body or answer has an example in one of its contents; binary-only answers need none.</summary>
    private static bool HasExample(JsonElement document, JsonElement holder, string what, List<string> found)
    {
        if (!holder.TryGetProperty("content", out var content))
        {
            return false;
        }
        var media = content.EnumerateObject().ToList();
        if (media.Count > 0 && media.All(entry => BinaryMediaTypes.Contains(entry.Name)))
        {
            return true;
        }
        var any = false;
        foreach (var entry in media)
        {
            if (entry.Value.TryGetProperty("example", out var example))
            {
                any = true;
                if (entry.Value.TryGetProperty("schema", out var schema))
                {
                    found.AddRange(UnknownFields(document, schema, example).Select(field => $"the {what} example has `{field}`, which its {entry.Name} schema lacks"));
                }
            }
        }
        return any;
    }

    /// <summary>Top-level fields of an example object (or of the first item of an example array) that the schema does not name.</summary>
    private static IEnumerable<string> UnknownFields(JsonElement document, JsonElement schema, JsonElement example)
    {
        schema = Resolve(document, schema);
        if (example.ValueKind == JsonValueKind.Array && schema.TryGetProperty("items", out var items) && example.GetArrayLength() > 0)
        {
            return UnknownFields(document, items, example[0]);
        }
        if (example.ValueKind != JsonValueKind.Object || !schema.TryGetProperty("properties", out var properties)
            || schema.TryGetProperty("additionalProperties", out _))
        {
            return [];
        }
        return example.EnumerateObject().Select(field => field.Name).Where(field => !properties.TryGetProperty(field, out _)).ToList();
    }

    private static JsonElement Resolve(JsonElement document, JsonElement schema)
    {
        while (schema.TryGetProperty("$ref", out var reference) && reference.GetString() is { } target && target.StartsWith("#/components/schemas/", StringComparison.Ordinal))
        {
            schema = document.GetProperty("components").GetProperty("schemas").GetProperty(target["#/components/schemas/".Length..]);
        }
        return schema;
    }

    private static bool ErrorGaps(JsonElement operation, List<string> found)
    {
        var before = found.Count;
        var failures = operation.GetProperty("responses").EnumerateObject().Where(response => response.Name[0] is '4' or '5').ToList();
        if (failures.Count == 0)
        {
            found.Add("no error answers");
        }
        foreach (var failure in failures)
        {
            var content = failure.Value.TryGetProperty("content", out var media) ? media : default;
            if (content.ValueKind != JsonValueKind.Object || !content.TryGetProperty(ProblemMediaType, out var problem))
            {
                // A health view answers 503 with its report, not a problem: it must say so with a JSON schema.
                if (!(failure.Name == "503" && content.ValueKind == JsonValueKind.Object && content.TryGetProperty("application/json", out _)))
                {
                    found.Add($"the {failure.Name} answer is not {ProblemMediaType}");
                }
                continue;
            }
            if (!problem.TryGetProperty("example", out var example) || !example.TryGetProperty("type", out _))
            {
                found.Add($"the {failure.Name} answer has no example with its type");
            }
        }
        var codes = operation.TryGetProperty("x-error-codes", out var listed) ? listed.EnumerateArray().Select(code => code.GetProperty("status").GetInt32()).ToHashSet() : [];
        foreach (var failure in failures.Where(failure => failure.Value.TryGetProperty("content", out var media) && media.TryGetProperty(ProblemMediaType, out _)))
        {
            if (!codes.Contains(int.Parse(failure.Name, CultureInfo.InvariantCulture)))
            {
                found.Add($"x-error-codes lacks {failure.Name}");
            }
        }
        return found.Count == before;
    }

    private static bool SecurityGaps(JsonElement operation, List<string> found)
    {
        var routeClass = operation.TryGetProperty("x-route-class", out var declared) ? declared.GetString() : null;
        var schemes = operation.TryGetProperty("security", out var security)
            ? security.EnumerateArray().SelectMany(requirement => requirement.EnumerateObject().Select(scheme => scheme.Name)).ToHashSet()
            : [];
        if (routeClass is null)
        {
            found.Add("no x-route-class");
            return false;
        }
        if (routeClass is "public" or "internal")
        {
            if (schemes.Count > 0)
            {
                found.Add($"a {routeClass} operation asks for a key");
                return false;
            }
            return true;
        }
        var before = found.Count;
        foreach (var scheme in (string[])["ApiKey", "Bearer"])
        {
            if (!schemes.Contains(scheme))
            {
                found.Add($"no {scheme} security requirement");
            }
        }
        foreach (var status in (string[])["401", "403"])
        {
            if (!operation.GetProperty("responses").TryGetProperty(status, out _))
            {
                found.Add($"no {status} answer");
            }
        }
        return found.Count == before;
    }
}
