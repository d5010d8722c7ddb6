using Platform.ServiceDefaults;

namespace Platform.Health.Monitoring;

/// <summary>The <c>Health</c> configuration section.</summary>
internal sealed class HealthOptions
{
    public const string SectionName = "Health";

    private static readonly string[] DefaultSymbols = ["BTCUSDT", "ETHUSDT", "SOLUSDT"];

    /// <summary>How long one probe may take before its component counts as down.</summary>
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a Bybit server-time answer is reused, so probes never hammer the exchange.</summary>
    public TimeSpan BybitCacheDuration { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A pool whose connections are all busy in every reading for this long is reported as a suspected leak.</summary>
    public TimeSpan PoolLeakAfter { get; set; } = TimeSpan.FromSeconds(30);

    public string[] BybitSymbols { get; set; } = [];

    /// <summary>The platform services whose readiness the overall check includes.</summary>
    public string[] Services { get; set; } = [];

    public IReadOnlyList<string> Symbols => BybitSymbols.Length > 0 ? BybitSymbols : DefaultSymbols;

    public IReadOnlyList<string> ProbedServices =>
        Services.Length > 0 ? Services : [ResourceNames.Backtests, ResourceNames.Optimizations, ResourceNames.MarketData];
}
