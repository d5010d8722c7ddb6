using System.ComponentModel.DataAnnotations;

namespace Platform.MarketData.Bybit;

/// <summary>Configuration section <c>Bybit</c>: where the public v5 API lives and which product category to ask for.</summary>
internal sealed class BybitOptions
{
    public const string SectionName = "Bybit";

    [Required]
    public Uri BaseUrl { get; set; } = new("https://api.bybit.com");

    /// <summary>Sent as <c>category</c> on every request; the contract's data is USDT perpetuals (docs/api-behaviour.md, 1.4).</summary>
    [RegularExpression("^(spot|linear|inverse)$")]
    public string Category { get; set; } = "linear";
}
