using System.Text.Json.Serialization;

namespace Platform.MarketData.WorkingSets;

/// <summary>The Redis payload of a working set, serialized without reflection because every read goes through it.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(WorkingSetCandle[]))]
internal sealed partial class WorkingSetJsonContext : JsonSerializerContext;
