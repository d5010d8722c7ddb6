using System.Net;
using Dapper;
using Npgsql;

namespace Platform.Backtests.Tests.Strategies;

public sealed class DeletingAStrategy(BacktestsFactory factory) : IClassFixture<BacktestsFactory>, IDisposable
{
    private readonly CancellationTokenSource timeout = new(TimeSpan.FromSeconds(30));
    private readonly HttpClient client = factory.CreateClient();

    [Fact]
    public async Task DeleteAnswers204AndTheStrategyIsGone()
    {
        var id = await CreateAsync();

        using var deleted = await client.DeleteAsync($"{StrategyRequests.Path}/{id}", timeout.Token);
        using var read = await client.GetAsync($"{StrategyRequests.Path}/{id}", timeout.Token);

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("?force=true")]
    public async Task AMissingStrategyIs404(string query)
    {
        using var response = await client.DeleteAsync($"{StrategyRequests.Path}/987654{query}", timeout.Token);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task AStrategyWithBacktestsIs409AndKeepsThem()
    {
        var id = await CreateAsync();
        await InsertBacktestAsync(id);

        using var response = await client.DeleteAsync($"{StrategyRequests.Path}/{id}", timeout.Token);
        var problem = await StrategyRequests.ReadAsync(response, timeout.Token);
        using var read = await client.GetAsync($"{StrategyRequests.Path}/{id}", timeout.Token);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("force=true", problem.GetProperty("detail").GetString());
        Assert.Equal(1, await CountBacktestsAsync(id));
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }

    [Fact]
    public async Task ForceDeletesTheStrategyWithItsBacktestsAndTheirTrades()
    {
        var id = await CreateAsync();
        var kept = await CreateAsync();
        var backtest = await InsertBacktestAsync(id);
        var other = await InsertBacktestAsync(kept);
        await InsertTradesAsync(backtest, 3);
        await InsertTradesAsync(other, 2);

        using var response = await client.DeleteAsync($"{StrategyRequests.Path}/{id}?force=true", timeout.Token);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(0, await CountBacktestsAsync(id));
        Assert.Equal(0, await CountTradesAsync(backtest));
        Assert.Equal(2, await CountTradesAsync(other));
    }

    [Fact]
    public async Task AForceThatIsNotABooleanIs400()
    {
        var id = await CreateAsync();

        using var response = await client.DeleteAsync($"{StrategyRequests.Path}/{id}?force=please", timeout.Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private async Task<long> CreateAsync() =>
        (await StrategyRequests.CreateAsync(client, StrategyRequests.UniqueName("delete"), "ema_crossover", null, timeout.Token))
        .GetProperty("id").GetInt64();

    private async Task<long> InsertBacktestAsync(long strategyId)
    {
        await using var connection = new NpgsqlConnection(factory.DatabaseConnectionString);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO backtests (strategy_id, symbol, timeframe, start_date, end_date, initial_capital)
            VALUES (@StrategyId, 'BTCUSDT', '60', '2024-01-01T00:00:00Z', '2024-02-01T00:00:00Z', 10000)
            RETURNING id
            """,
            new { StrategyId = strategyId },
            cancellationToken: timeout.Token));
    }

    private async Task InsertTradesAsync(long backtestId, int count)
    {
        await using var connection = new NpgsqlConnection(factory.DatabaseConnectionString);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO trades (backtest_id, entry_time, side, entry_price, quantity)
            SELECT @BacktestId, '2024-01-01T00:00:00Z'::timestamptz + n * interval '1 hour', 'LONG', 100, 1
            FROM generate_series(1, @Count) AS n
            """,
            new { BacktestId = backtestId, Count = count },
            cancellationToken: timeout.Token));
    }

    private async Task<long> CountTradesAsync(long backtestId)
    {
        await using var connection = new NpgsqlConnection(factory.DatabaseConnectionString);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT count(*) FROM trades WHERE backtest_id = @BacktestId", new { BacktestId = backtestId }, cancellationToken: timeout.Token));
    }

    private async Task<long> CountBacktestsAsync(long strategyId)
    {
        await using var connection = new NpgsqlConnection(factory.DatabaseConnectionString);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT count(*) FROM backtests WHERE strategy_id = @StrategyId", new { StrategyId = strategyId }, cancellationToken: timeout.Token));
    }

    public void Dispose()
    {
        client.Dispose();
        timeout.Dispose();
    }
}
