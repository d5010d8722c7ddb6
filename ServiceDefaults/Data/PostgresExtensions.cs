using System.Reflection;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Platform.ServiceDefaults.Data;

public static class PostgresExtensions
{
    /// <summary>The name Aspire's Npgsql integration gives its health check.</summary>
    private const string AspireCheckName = "PostgreSql";

    /// <summary>
    /// Registers the service's <see cref="Npgsql.NpgsqlDataSource"/> through Aspire's Npgsql client integration
    /// (<c>ConnectionStrings:&lt;name&gt;</c>, with its health check, tracing and metrics) and, when
    /// <paramref name="migrations"/> is given, applies the versioned SQL scripts embedded in that assembly under
    /// <c>Migrations/</c> at start-up under an advisory lock, readiness waiting for them.
    /// </summary>
    public static IHostApplicationBuilder AddPostgresDatabase(
        this IHostApplicationBuilder builder, string name, Assembly? migrations = null)
    {
        var connectionString = builder.Configuration.GetRequiredConnectionString(name);
        DefaultTypeMap.MatchNamesWithUnderscores = true;

        builder.AddNpgsqlDataSource(name, configureDataSourceBuilder: dataSource => dataSource.Name = name);
        builder.Services.NameHealthCheck(AspireCheckName, name);

        if (migrations is not null)
        {
            builder.Services.AddSingleton(new MigrationPlan(connectionString, migrations));
            builder.Services.AddSingleton<MigrationStatus>();
            builder.Services.AddHostedService<DatabaseMigrator>();
            builder.Services.AddHealthChecks().AddCheck<MigrationHealthCheck>("migrations");
        }
        return builder;
    }
}
