using System.Text.Json.Serialization;

namespace Platform.MarketData.WorkingSets;

/// <summary>What a reset did to one interval: explicit states where the original answered −1 and −2 (docs/api-behaviour.md, 4.13).</summary>
/// <param name="Candles">The working set's new length; 0 when cleared or failed.</param>
/// <param name="PurgedCandles">Stored candles deleted; null when the reset did not purge.</param>
/// <param name="Error">Bybit's error when the reload failed.</param>
internal sealed record IntervalReset(IntervalResetState State, int Candles, long? PurgedCandles, string? Error);

[JsonConverter(typeof(JsonStringEnumConverter<IntervalResetState>))]
internal enum IntervalResetState
{
    [JsonStringEnumMemberName("reloaded")]
    Reloaded,

    [JsonStringEnumMemberName("cleared")]
    Cleared,

    [JsonStringEnumMemberName("failed")]
    Failed,
}
