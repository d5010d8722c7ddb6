using Platform.AppHost.LocalServers;
using Platform.ServiceDefaults;

namespace Platform.AppHost;

/// <summary>The PostgreSQL server, its three databases and Redis, as projects reference them, whichever kind runs them.</summary>
public sealed record PlatformData(
    IResourceBuilder<IResourceWithConnectionString> Postgres,
    IResourceBuilder<IResourceWithConnectionString> BacktestsDb,
    IResourceBuilder<IResourceWithConnectionString> OptimizationsDb,
    IResourceBuilder<IResourceWithConnectionString> MarketDataDb,
    IResourceBuilder<IResourceWithConnectionString> Redis);

public static class PlatformDataExtensions
{
    /// <summary>
    /// Adds the data servers: Aspire's standard container resources when publishing or where a container engine answers,
    /// else executables from the machine's binaries with their data under the data directory.
    /// </summary>
    public static PlatformData AddPlatformData(this IDistributedApplicationBuilder builder, AppHostSettings settings)
    {
        var postgresPassword = builder.AddGeneratedSecret($"{ResourceNames.Postgres}-password");
        var redisPassword = builder.AddGeneratedSecret($"{ResourceNames.Redis}-password");

        if (settings.UseContainers(builder.ExecutionContext))
        {
            var postgres = builder.AddPostgres(ResourceNames.Postgres, password: postgresPassword, port: settings.Port(ResourceNames.Postgres))
                .WithDataVolume("platform-postgres-data");
            var redis = builder.AddRedis(ResourceNames.Redis, settings.Port(ResourceNames.Redis), redisPassword)
                .WithDataVolume("platform-redis-data")
                .WithPersistence();
            return new PlatformData(
                postgres, postgres.AddDatabase(ResourceNames.BacktestsDb), postgres.AddDatabase(ResourceNames.OptimizationsDb),
                postgres.AddDatabase(ResourceNames.MarketDataDb), redis);
        }

        var localPostgres = builder.AddLocalPostgres(
            ResourceNames.Postgres, postgresPassword, PostgresDataDirectory.For(settings.DataDirectory), settings.Port(ResourceNames.Postgres));
        var localRedis = builder.AddLocalRedis(
            ResourceNames.Redis, redisPassword, Path.Combine(settings.DataDirectory, "data", "redis"), settings.Port(ResourceNames.Redis));
        return new PlatformData(
            localPostgres, localPostgres.AddDatabase(ResourceNames.BacktestsDb), localPostgres.AddDatabase(ResourceNames.OptimizationsDb),
            localPostgres.AddDatabase(ResourceNames.MarketDataDb), localRedis);
    }

    /// <summary>A secret parameter that Aspire generates when no value is configured (<c>Parameters:&lt;name&gt;</c>).</summary>
    public static IResourceBuilder<ParameterResource> AddGeneratedSecret(this IDistributedApplicationBuilder builder, string name) =>
        builder.AddParameter(name, new GenerateParameterDefault { MinLength = 22, Special = false }, secret: true);
}
