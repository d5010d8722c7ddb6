using System.Text.Json.Serialization;

namespace Platform.Optimizations.MonteCarlo;

/// <summary>How each simulation reorders the historical trades.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MonteCarloMethod>))]
internal enum MonteCarloMethod
{
    /// <summary>Draws trades with replacement: both the total return and the drawdown vary.</summary>
    [JsonStringEnumMemberName("bootstrap")]
    Bootstrap,

    /// <summary>Reorders the trades without replacement: the total return stays the original's, only the path moves.</summary>
    [JsonStringEnumMemberName("permutation")]
    Permutation,
}
