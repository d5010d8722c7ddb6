using System.Text.RegularExpressions;
using Dapper;
using DbUp;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Platform.ServiceDefaults.Data;

/// <summary>
/// Creates the service's database when it is missing and applies its embedded SQL scripts with DbUp, retrying with
/// back-off until PostgreSQL answers. A PostgreSQL advisory lock, taken on the server's maintenance database, makes
/// replicas that start together apply the scripts one after the other.
/// </summary>
internal sealed partial class DatabaseMigrator(
    MigrationPlan plan, MigrationStatus status, ILogger<DatabaseMigrator> logger) : BackgroundService
{
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromMilliseconds(200);
        while (true)
        {
            try
            {
                await MigrateAsync(stoppingToken);
                status.MarkCompleted();
                return;
            }
            catch (Exception exception) when (exception is NpgsqlException or MigrationFailedException or TimeoutException)
            {
                status.MarkFailed(exception.Message);
                LogRetrying(logger, exception, delay.TotalSeconds);
                await Task.Delay(delay, stoppingToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxDelay.Ticks));
            }
        }
    }

    private async Task MigrateAsync(CancellationToken cancellationToken)
    {
        var target = new NpgsqlConnectionStringBuilder(plan.ConnectionString);
        var database = target.Database ?? throw new MigrationFailedException("The connection string names no database.");
        var maintenance = new NpgsqlConnectionStringBuilder(plan.ConnectionString) { Database = "postgres", Pooling = false };

        await using var dataSource = NpgsqlDataSource.Create(maintenance);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "SELECT pg_advisory_lock(hashtext('platform-migrations:' || @database))", new { database },
            cancellationToken: cancellationToken));

        await EnsureDatabaseAsync(connection, database, cancellationToken);

        var result = await Task.Run(() => DeployChanges.To
            .PostgresqlDatabase(plan.ConnectionString)
            .WithScriptsEmbeddedInAssembly(plan.ScriptAssembly, name => name.Contains(".Migrations.", StringComparison.Ordinal))
            .WithTransactionPerScript()
            .LogTo(new DbUpLog(logger))
            .Build()
            .PerformUpgrade(), cancellationToken);
        if (!result.Successful)
        {
            throw new MigrationFailedException($"Script {result.ErrorScript?.Name} failed: {result.Error?.Message}");
        }
        LogMigrated(logger, database, result.Scripts.Count());
    }

    private async Task EnsureDatabaseAsync(NpgsqlConnection connection, string database, CancellationToken cancellationToken)
    {
        var exists = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = @database)", new { database },
            cancellationToken: cancellationToken));
        if (exists)
        {
            return;
        }
        if (!DatabaseName().IsMatch(database))
        {
            throw new MigrationFailedException($"Refusing to create a database named '{database}'.");
        }
        await connection.ExecuteAsync(new CommandDefinition($"CREATE DATABASE \"{database}\"", cancellationToken: cancellationToken));
        LogCreated(logger, database);
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,63}$")]
    private static partial Regex DatabaseName();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database migration failed; retrying in {DelaySeconds} s")]
    private static partial void LogRetrying(ILogger logger, Exception exception, double delaySeconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Database {Database} is current ({Applied} scripts applied)")]
    private static partial void LogMigrated(ILogger logger, string database, int applied);

    [LoggerMessage(Level = LogLevel.Information, Message = "Created database {Database}")]
    private static partial void LogCreated(ILogger logger, string database);
}

internal sealed class MigrationFailedException(string message) : Exception(message);
