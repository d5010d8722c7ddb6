namespace Platform.Health.Bybit;

/// <summary>The <c>Bybit</c> configuration section, shared with the market data service.</summary>
internal sealed class BybitOptions
{
    public const string SectionName = "Bybit";

    public Uri BaseUrl { get; set; } = new("https://api.bybit.com");
}
