using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Platform.ServiceDefaults.Pools;

public static class PoolEndpoints
{
    public const string Path = "/internal/db-pool";

    /// <summary>
    /// Maps <c>GET /internal/db-pool</c>, the pool figures of the service's <see cref="NpgsqlDataSource"/> that the health
    /// service gathers for <c>GET /api/v1/health/db_pool</c>; maps nothing when the service has no data source. The gateway
    /// routes only <c>/api/v1/**</c>, so the path stays inside the cluster.
    /// </summary>
    public static WebApplication MapDbPoolEndpoint(this WebApplication app)
    {
        if (app.Services.GetService<NpgsqlDataSource>() is not { } dataSource)
        {
            return app;
        }
        var settings = new NpgsqlConnectionStringBuilder(dataSource.ConnectionString);
        var monitor = new PoolMonitor(PoolNames(app.Configuration, dataSource, settings), settings, TimeProvider.System);
        app.Lifetime.ApplicationStopped.Register(monitor.Dispose);
        app.MapGet(Path, () => TypedResults.Ok(monitor.Read())).ExcludeFromDescription();
        return app;
    }

    /// <summary>
    /// Npgsql names a pool after the data source's name, else its connection string; the data source keeps its name
    /// private, so the candidates are the connection-string keys that point at the same server, database and user.
    /// </summary>
    private static HashSet<string> PoolNames(IConfiguration configuration, NpgsqlDataSource dataSource, NpgsqlConnectionStringBuilder settings)
    {
        HashSet<string> names = [dataSource.ConnectionString];
        foreach (var entry in configuration.GetSection("ConnectionStrings").GetChildren())
        {
            if (TryParse(entry.Value) is { } candidate
                && candidate.Host == settings.Host && candidate.Port == settings.Port
                && candidate.Database == settings.Database && candidate.Username == settings.Username)
            {
                names.Add(entry.Key);
            }
        }
        return names;
    }

    private static NpgsqlConnectionStringBuilder? TryParse(string? connectionString)
    {
        try
        {
            return string.IsNullOrEmpty(connectionString) ? null : new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException)
        {
            // A Redis or other non-PostgreSQL connection string: not a candidate.
            return null;
        }
    }
}
