using System.Text.Json.Nodes;
using Dapper;
using Npgsql;
using Platform.ServiceDefaults.Identity;

namespace Platform.Backtests.Strategies;

/// <summary>
/// The <c>strategies</c> table: reads for the API and for the backtests that name a strategy, and its writes, each checking
/// in its own transaction that the caller may change the strategy (<see cref="Ownership"/>).
/// </summary>
internal sealed class StrategyStore(NpgsqlDataSource dataSource)
{
    private const string Columns = "id, name, description, strategy_type, config::text AS config, is_active, created_at, updated_at, owner, version";

    // The unique index that PostgreSQL names after the column (migration 0001); it alone decides duplicates.
    private const string NameIndex = "strategies_name_key";

    private const string VersionColumns = "strategy_id, version, strategy_type, config::text AS config, created_at, created_by";

    public async Task<Strategy?> GetAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<StrategyRow>(new CommandDefinition(
            $"SELECT {Columns} FROM strategies WHERE id = @Id", new { Id = id }, cancellationToken: cancellationToken));
        return row?.ToStrategy();
    }

    /// <summary>Every version of a strategy, the first first; empty when the strategy does not exist.</summary>
    public async Task<IReadOnlyList<StrategyVersion>> ListVersionsAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<StrategyVersionRow>(new CommandDefinition(
            $"SELECT {VersionColumns} FROM strategy_versions WHERE strategy_id = @Id ORDER BY version", new { Id = id }, cancellationToken: cancellationToken));
        return [.. rows.Select(row => row.ToVersion())];
    }

    public async Task<StrategyVersion?> GetVersionAsync(long id, int version, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<StrategyVersionRow>(new CommandDefinition(
            $"SELECT {VersionColumns} FROM strategy_versions WHERE strategy_id = @Id AND version = @Version",
            new { Id = id, Version = version },
            cancellationToken: cancellationToken));
        return row?.ToVersion();
    }

    /// <summary>
    /// The strategy as a backtest runs it: the version the backtest was created with when it recorded one (the strategy may
    /// have changed since), else the strategy as it stands; null when the strategy is gone.
    /// </summary>
    public async Task<Strategy?> GetAsRunAsync(long id, int? version, CancellationToken cancellationToken)
    {
        var strategy = await GetAsync(id, cancellationToken);
        if (strategy is null || version is not { } pinned || pinned == strategy.Version)
        {
            return strategy;
        }
        return await GetVersionAsync(id, pinned, cancellationToken) is { } stored
            ? strategy with { StrategyType = stored.StrategyType, Config = stored.Config, Version = stored.Version }
            : strategy;
    }

    /// <summary>A page of <paramref name="query"/>'s matches, newest first; only <paramref name="owner"/>'s when given.</summary>
    public async Task<StrategyList> ListAsync(StrategyListQuery query, string? owner, CancellationToken cancellationToken)
    {
        const string filter = """
            WHERE (@IsActive::boolean IS NULL OR is_active = @IsActive)
              AND (@StrategyType::text IS NULL OR strategy_type = @StrategyType)
              AND (@Owner::text IS NULL OR owner = @Owner)
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(
            $"""
            SELECT {Columns} FROM strategies
            {filter}
            ORDER BY id DESC
            LIMIT @Limit OFFSET @Offset;
            SELECT count(*) FROM strategies
            {filter};
            """,
            new { query.IsActive, query.StrategyType, Owner = owner, Limit = query.ClampedLimit, Offset = query.Offset ?? 0 },
            cancellationToken: cancellationToken));
        var rows = await results.ReadAsync<StrategyRow>();
        var total = await results.ReadSingleAsync<long>();
        return new StrategyList(rows.Select(row => row.ToStrategy()).ToList(), total);
    }

    /// <summary>Inserts a strategy whose config is already validated, owned by <paramref name="owner"/>; null when the name is taken.</summary>
    public async Task<Strategy?> TryCreateAsync(
        string name, string? description, string strategyType, JsonObject config, bool isActive, string owner, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            var row = await connection.QuerySingleAsync<StrategyRow>(new CommandDefinition(
                $"""
                WITH created AS (
                    INSERT INTO strategies (name, description, strategy_type, config, is_active, owner)
                    VALUES (@Name, @Description, @StrategyType, @Config::jsonb, @IsActive, @Owner)
                    RETURNING {Columns}),
                first_version AS (
                    INSERT INTO strategy_versions (strategy_id, version, strategy_type, config, created_at, created_by)
                    SELECT id, version, strategy_type, config::jsonb, created_at, owner FROM created)
                SELECT * FROM created
                """,
                new { Name = name, Description = description, StrategyType = strategyType, Config = config.ToJsonString(), IsActive = isActive, Owner = owner },
                cancellationToken: cancellationToken));
            return row.ToStrategy();
        }
        catch (PostgresException exception) when (IsNameTaken(exception))
        {
            return null;
        }
    }

    /// <summary>
    /// Applies a partial update in one transaction, when <paramref name="changer"/> may change the strategy. A change of
    /// type or parameters locks the row, checks the resulting parameters against the engine's schema and stores them
    /// complete; any other change is one conditional statement.
    /// </summary>
    public async Task<StrategyUpdate> UpdateAsync(long id, UpdateStrategyRequest changes, Changer changer, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var given = changes.ConfigObject();
        JsonObject? config = null;
        if (changes.StrategyType is not null || given is not null)
        {
            var current = await connection.QuerySingleOrDefaultAsync<StrategyRow>(new CommandDefinition(
                $"SELECT {Columns} FROM strategies WHERE id = @Id FOR UPDATE", new { Id = id }, transaction, cancellationToken: cancellationToken));
            if (current is null)
            {
                return new StrategyUpdate.NotFound();
            }
            if (!changer.MayChange(current.Owner))
            {
                return new StrategyUpdate.Forbidden(current.Owner);
            }
            var changed = StrategyConfig.Change(current.ToStrategy(), changes.StrategyType, given);
            if (changed.Value is null)
            {
                return new StrategyUpdate.Invalid(changed.Errors);
            }
            config = changed.Value;
        }

        StrategyRow? row;
        try
        {
            row = await connection.QuerySingleOrDefaultAsync<StrategyRow>(new CommandDefinition(
                $"""
                UPDATE strategies
                SET name = coalesce(@Name, name),
                    description = coalesce(@Description, description),
                    strategy_type = coalesce(@StrategyType, strategy_type),
                    config = coalesce(@Config::jsonb, config),
                    version = version + CASE WHEN @Config::jsonb IS NULL THEN 0 ELSE 1 END,
                    is_active = coalesce(@IsActive, is_active),
                    updated_at = now()
                WHERE id = @Id AND {Ownership.MayChangeSql}
                RETURNING {Columns}
                """,
                new { Id = id, changes.Name, changes.Description, changes.StrategyType, Config = config?.ToJsonString(), changes.IsActive, changer.Caller, changer.Admin },
                transaction,
                cancellationToken: cancellationToken));
        }
        catch (PostgresException exception) when (IsNameTaken(exception))
        {
            return new StrategyUpdate.NameTaken(changes.Name!);
        }
        if (row is null)
        {
            return await FindOwnerAsync(connection, transaction, id, cancellationToken) is { } found
                ? new StrategyUpdate.Forbidden(found.Owner)
                : new StrategyUpdate.NotFound();
        }
        if (config is not null)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO strategy_versions (strategy_id, version, strategy_type, config, created_at, created_by)
                VALUES (@Id, @Version, @StrategyType, @Config::jsonb, @UpdatedAt, @Caller)
                """,
                new { row.Id, row.Version, row.StrategyType, row.Config, row.UpdatedAt, changer.Caller },
                transaction,
                cancellationToken: cancellationToken));
        }
        await transaction.CommitAsync(cancellationToken);
        return new StrategyUpdate.Updated(row.ToStrategy());
    }

    /// <summary>
    /// Deletes a strategy that <paramref name="changer"/> may change, with its backtests only when <paramref name="force"/>
    /// is set (the foreign key cascades) and, unless an admin deletes, every one of them is the caller's: one statement decides, and only when it deleted nothing does a second read, in
    /// the same transaction, tell a missing strategy from one of another owner or one in use.
    /// </summary>
    public async Task<StrategyDeletion> DeleteAsync(long id, bool force, Changer changer, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var deleted = await connection.ExecuteAsync(new CommandDefinition(
            $"""
            DELETE FROM strategies s
            WHERE s.id = @Id AND {Ownership.MayChangeSql}
              AND (NOT EXISTS (SELECT 1 FROM backtests b WHERE b.strategy_id = s.id)
                OR (@Force AND (@Admin OR NOT EXISTS (SELECT 1 FROM backtests b WHERE b.strategy_id = s.id AND b.owner IS DISTINCT FROM @Caller))))
            """,
            new { Id = id, Force = force, changer.Caller, changer.Admin },
            transaction,
            cancellationToken: cancellationToken));
        if (deleted == 1)
        {
            await transaction.CommitAsync(cancellationToken);
            return new StrategyDeletion.Deleted();
        }
        if (await FindOwnerAsync(connection, transaction, id, cancellationToken) is not { } found)
        {
            return new StrategyDeletion.NotFound();
        }
        if (!changer.MayChange(found.Owner))
        {
            return new StrategyDeletion.Forbidden(found.Owner);
        }
        var backtests = await connection.QuerySingleAsync<BacktestCounts>(new CommandDefinition(
            "SELECT count(*) AS all, count(*) FILTER (WHERE owner IS DISTINCT FROM @Caller) AS others FROM backtests WHERE strategy_id = @Id",
            new { Id = id, changer.Caller }, transaction, cancellationToken: cancellationToken));
        return force ? new StrategyDeletion.OthersBacktests(backtests.Others) : new StrategyDeletion.InUse(backtests.All);
    }

    /// <summary>The owner of a strategy that exists, for telling a refused change from a missing strategy.</summary>
    private static Task<OwnerRow?> FindOwnerAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long id, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<OwnerRow?>(new CommandDefinition(
            "SELECT owner FROM strategies WHERE id = @Id", new { Id = id }, transaction, cancellationToken: cancellationToken));

    private sealed record OwnerRow(string? Owner);

    private sealed record BacktestCounts(long All, long Others);

    private static bool IsNameTaken(PostgresException exception) =>
        exception is { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: NameIndex };
}
