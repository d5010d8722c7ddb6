using Dapper;
using Npgsql;
using Platform.MarketData.Candles;
using Platform.Testing;

namespace Platform.MarketData.Tests.Candles;

/// <summary>
/// Migration 0008 moves candles stored under (symbol, interval, open time) to <c>candle_bars</c> under their series' id:
/// every row and value kept, every series numbered, versions already moved kept, and the view shows them as before.
/// </summary>
public sealed class StoredCandlesMoveToSeriesKeys
{
    [Fact]
    public async Task EveryRowAndVersionSurvivesTheMigration()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var servers = await TestServers.GetAsync();
        var database = TestDatabase.NewName("migration0008");
        await TestDatabase.CreateAsync(servers.PostgresConnectionString, database, timeout.Token);
        await using var connection = new NpgsqlConnection(TestDatabase.ConnectionString(servers.PostgresConnectionString, database));
        var scripts = Scripts();
        foreach (var (name, sql) in scripts.Where(script => string.CompareOrdinal(script.Name, "0008") < 0))
        {
            await connection.ExecuteAsync(new CommandDefinition(sql, cancellationToken: timeout.Token));
        }
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO candles (symbol, interval, open_time, open, high, low, close, volume, turnover, source)
            SELECT symbol, interval, n * 60000, n, n + 2, n - 1, n + 1, 10, CASE WHEN n % 2 = 0 THEN NULL ELSE 5 * n END, 'upload:' || symbol
            FROM unnest(ARRAY['BTCUSDT', 'ETHUSDT']) AS symbol, unnest(ARRAY['1', '60']) AS interval, generate_series(1, 300) AS n;
            INSERT INTO candle_series (symbol, interval, version) VALUES ('BTCUSDT', '60', 7);
            """,
            cancellationToken: timeout.Token));
        var before = await RowsAsync(connection, timeout.Token);

        await connection.ExecuteAsync(new CommandDefinition(scripts.Single(script => script.Name.StartsWith("0008", StringComparison.Ordinal)).Sql, cancellationToken: timeout.Token));

        Assert.Equal(1_200, before.Count);
        Assert.Equal(before, await RowsAsync(connection, timeout.Token));
        var series = (await connection.QueryAsync<(string Symbol, string Interval, long Version, int Id)>(new CommandDefinition(
            "SELECT symbol, interval, version, id FROM candle_series ORDER BY symbol, interval", cancellationToken: timeout.Token))).AsList();
        Assert.Equal(
            [("BTCUSDT", "1", 1L), ("BTCUSDT", "60", 7L), ("ETHUSDT", "1", 1L), ("ETHUSDT", "60", 1L)],
            series.Select(row => (row.Symbol, row.Interval, row.Version)));
        Assert.Equal(4, series.Select(row => row.Id).Distinct().Count());
        Assert.Equal(300, await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT count(*) FROM candle_bars WHERE series_id = (SELECT id FROM candle_series WHERE symbol = 'ETHUSDT' AND interval = '60')",
            cancellationToken: timeout.Token)));
    }

    private static async Task<List<string>> RowsAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<string>(new CommandDefinition(
            """
            SELECT concat_ws('|', symbol, interval, open_time, open, high, low, close, volume, coalesce(turnover::text, 'null'), source, inserted_at)
            FROM candles ORDER BY symbol, interval, open_time
            """,
            cancellationToken: cancellationToken))).AsList();

    /// <summary>The service's migration scripts in the order they apply, by their file names.</summary>
    private static List<(string Name, string Sql)> Scripts()
    {
        var assembly = typeof(CandleStore).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(name => name.Contains(".Migrations.", StringComparison.Ordinal))
            .Select(name =>
            {
                using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
                return (Name: name[(name.IndexOf(".Migrations.", StringComparison.Ordinal) + ".Migrations.".Length)..], Sql: reader.ReadToEnd());
            })
            .OrderBy(script => script.Name, StringComparer.Ordinal)
            .ToList();
    }
}
