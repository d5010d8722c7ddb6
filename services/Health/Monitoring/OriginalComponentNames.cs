using Platform.ServiceDefaults;

namespace Platform.Health.Monitoring;

/// <summary>
/// The original's component names, accepted beside ours by <c>GET /api/v1/health/components/{name}</c>
/// (docs/api-behaviour.md, 5.7). The answer keeps the name asked for and carries the state of our equivalents.
/// </summary>
internal static class OriginalComponentNames
{
    private static readonly Dictionary<string, string[]> Equivalents = new(StringComparer.Ordinal)
    {
        ["database"] = [ResourceNames.Postgres],
        // Everything the platform keeps (candles, uploads, results) is in PostgreSQL; no service stores data on its own disk.
        ["disk"] = [ResourceNames.Postgres],
        ["bybit_api"] = [PlatformProber.Bybit],
        // The job workers run inside these services, taking their jobs from Redis streams.
        ["celery"] = [ResourceNames.Backtests, ResourceNames.Optimizations, ResourceNames.MarketData],
    };

    /// <summary>The component called <paramref name="name"/> here or in the original; null when neither knows it.</summary>
    public static ComponentReport? Find(PlatformReport report, string name)
    {
        if (!Equivalents.TryGetValue(name, out var equivalents))
        {
            return report.Components.SingleOrDefault(component => component.Name == name);
        }
        var parts = report.Components.Where(component => equivalents.Contains(component.Name)).ToList();
        if (parts.Count == 0)
        {
            return null;
        }
        var failing = parts.Where(part => !part.IsUp).Select(part => $"{part.Name}: {part.Detail}").ToList();
        return new ComponentReport(
            name,
            PlatformProber.Worst(parts),
            parts.Max(part => part.ResponseTimeMs),
            failing.Count == 0 ? "ok" : string.Join("; ", failing),
            parts.Max(part => part.LastCheck));
    }
}
