using Platform.ServiceDefaults;

namespace Platform.AppHost.Model;

/// <summary>The platform's resources and the references between them, in the order Aspire would record them.</summary>
public sealed class PlatformModel
{
    private PlatformModel(IReadOnlyList<Resource> resources) => Resources = resources;

    /// <summary>Every resource in insertion order; parameters that are only referenced come last, as in Aspire's manifest.</summary>
    public IReadOnlyList<Resource> Resources { get; }

    public IEnumerable<ProjectResource> Projects => Resources.OfType<ProjectResource>();

    public PostgresServerResource Postgres => Resources.OfType<PostgresServerResource>().Single();

    public RedisResource Redis => Resources.OfType<RedisResource>().Single();

    public IEnumerable<PostgresDatabaseResource> Databases => Resources.OfType<PostgresDatabaseResource>();

    public static PlatformModel Create()
    {
        var postgres = new PostgresServerResource(ResourceNames.Postgres, Secret($"{ResourceNames.Postgres}-password"));
        var backtestsDb = new PostgresDatabaseResource(ResourceNames.BacktestsDb, postgres);
        var optimizationsDb = new PostgresDatabaseResource(ResourceNames.OptimizationsDb, postgres);
        var marketDataDb = new PostgresDatabaseResource(ResourceNames.MarketDataDb, postgres);
        var redis = new RedisResource(ResourceNames.Redis, Secret($"{ResourceNames.Redis}-password"));

        var marketData = Project(ResourceNames.MarketData, "services/MarketData/MarketData.csproj", marketDataDb, redis);
        var backtests = Project(ResourceNames.Backtests, "services/Backtests/Backtests.csproj", backtestsDb, redis, marketData);
        var optimizations = Project(
            ResourceNames.Optimizations, "services/Optimizations/Optimizations.csproj", optimizationsDb, redis, marketData, backtests);
        var health = Project(
            ResourceNames.Health, "services/Health/Health.csproj", postgres, redis, backtests, optimizations, marketData);
        var gateway = Project(ResourceNames.Gateway, "gateway/Gateway/Gateway.csproj", backtests, optimizations, marketData, health)
            with { ExternalHttp = true };

        return new PlatformModel(
        [
            postgres, backtestsDb, optimizationsDb, marketDataDb, redis,
            marketData, backtests, optimizations, health, gateway,
            postgres.Password, redis.Password,
        ]);
    }

    private static ParameterResource Secret(string name) => new(name, Secret: true, MinLength: 22);

    private static ProjectResource Project(string name, string path, params Resource[] references) =>
        new(name, path, references, ExternalHttp: false);
}
