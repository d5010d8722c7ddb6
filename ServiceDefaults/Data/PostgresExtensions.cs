using System.Reflection;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Platform.ServiceDefaults.Data;

public static class PostgresExtensions
{
    private static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(3);

    /// <summary>
    /// Registers the service's <see cref="Npgsql.NpgsqlDataSource"/> from <c>ConnectionStrings:&lt;name&gt;</c>, with tracing
    /// and a readiness check, and, when <paramref name="migrations"/> is given, applies the versioned SQL scripts
    /// embedded in that assembly under <c>Migrations/</c> at start-up.
    /// </summary>
    public static IHostApplicationBuilder AddPostgresDatabase(
        this IHostApplicationBuilder builder, string name, Assembly? migrations = null)
    {
        var connectionString = builder.Configuration.GetRequiredConnectionString(name);
        DefaultTypeMap.MatchNamesWithUnderscores = true;

        builder.Services.AddNpgsqlDataSource(connectionString, dataSource => dataSource.Name = name);
        var health = builder.Services.AddHealthChecks()
            .AddNpgSql(name: name, tags: [Extensions.ReadyTag], timeout: CheckTimeout);

        if (migrations is not null)
        {
            builder.Services.AddSingleton(new MigrationPlan(connectionString, migrations));
            builder.Services.AddSingleton<MigrationStatus>();
            builder.Services.AddHostedService<DatabaseMigrator>();
            health.AddCheck<MigrationHealthCheck>("migrations", tags: [Extensions.ReadyTag]);
        }
        return builder;
    }
}
