using System.Text.Json;

namespace Platform.Optimizations.Tests.WalkForward;

internal static class ResultJson
{
    public static readonly JsonSerializerOptions SnakeCase = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, SnakeCase);
}
