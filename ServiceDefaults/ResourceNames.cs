namespace Platform.ServiceDefaults;

/// <summary>
/// The names of the platform's resources: AppHost resource names, connection string keys and
/// service discovery names are all the same string.
/// </summary>
public static class ResourceNames
{
    public const string Postgres = "postgres";
    public const string BacktestsDb = "backtestsdb";
    public const string OptimizationsDb = "optimizationsdb";
    public const string MarketDataDb = "marketdatadb";
    public const string Redis = "redis";

    public const string Backtests = "backtests";
    public const string Optimizations = "optimizations";
    public const string MarketData = "marketdata";
    public const string Health = "health";
    public const string Gateway = "gateway";

    /// <summary>The four services behind the gateway, in the order the gateway documents them.</summary>
    public static readonly IReadOnlyList<string> Services = [Backtests, Optimizations, MarketData, Health];
}
