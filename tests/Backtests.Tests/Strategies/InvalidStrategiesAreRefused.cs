using System.Net;
using Dapper;
using Npgsql;

namespace Platform.Backtests.Tests.Strategies;

public sealed class InvalidStrategiesAreRefused(BacktestsFactory factory) : IClassFixture<BacktestsFactory>, IDisposable
{
    private readonly CancellationTokenSource timeout = new(TimeSpan.FromSeconds(30));

    [Theory]
    [InlineData("""{"strategy_type": "ema_crossover"}""", "name")]
    [InlineData("""{"name": "   ", "strategy_type": "ema_crossover"}""", "name")]
    [InlineData("""{"name": "bad\u0000name", "strategy_type": "ema_crossover"}""", "name")]
    [InlineData("""{"name": "no type"}""", "strategy_type")]
    [InlineData("""{"name": "empty type", "strategy_type": ""}""", "strategy_type")]
    [InlineData("""{"name": "nul", "description": "a\u0000b", "strategy_type": "ema_crossover"}""", "description")]
    [InlineData("""{"name": "list", "strategy_type": "ema_crossover", "config": [1, 2]}""", "config")]
    [InlineData("""{"name": "number", "strategy_type": "ema_crossover", "config": 5}""", "config")]
    [InlineData("""{"name": "twice", "strategy_type": "ema_crossover", "config": {"fast": 10, "fast": 20}}""", "config")]
    public async Task MissingOrMalformedFieldsAre400NamingTheField(string body, string field)
    {
        using var response = await StrategyRequests.PostJsonAsync(factory.CreateClient(), body, timeout.Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([field], await StrategyRequests.ErrorFieldsAsync(response, timeout.Token));
    }

    [Fact]
    public async Task ANameLongerThan255CharactersIs400()
    {
        using var response = await StrategyRequests.PostJsonAsync(
            factory.CreateClient(), $$"""{"name": "{{new string('n', 256)}}", "strategy_type": "ema_crossover"}""", timeout.Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["name"], await StrategyRequests.ErrorFieldsAsync(response, timeout.Token));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"name": 12, "strategy_type": "ema_crossover"}""")]
    [InlineData("""{"name": "x", "strategy_type": "ema_crossover", "is_active": "yes"}""")]
    [InlineData("")]
    public async Task BodiesThatDoNotBindAre400Problems(string body)
    {
        using var response = await StrategyRequests.PostJsonAsync(factory.CreateClient(), body, timeout.Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task AnUnknownStrategyTypeIs422NamingStrategyType()
    {
        using var response = await StrategyRequests.PostJsonAsync(
            factory.CreateClient(), """{"name": "unknown type", "strategy_type": "martingale"}""", timeout.Token);
        var problem = await StrategyRequests.ReadAsync(response, timeout.Token);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(["strategy_type"], problem.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        Assert.Contains("martingale", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("""{"fast": 0}""", "config.fast")]
    [InlineData("""{"fast": 6000}""", "config.fast")]
    [InlineData("""{"fast": 1.5}""", "config.fast")]
    [InlineData("""{"fast": "ten"}""", "config.fast")]
    [InlineData("""{"fast": null}""", "config.fast")]
    [InlineData("""{"speed": 3}""", "config.speed")]
    [InlineData("""{"fast": 300, "slow": 200}""", "config.slow")]
    public async Task ParametersOutsideTheSchemaAre422NamingTheParameter(string config, string field)
    {
        using var response = await StrategyRequests.PostJsonAsync(
            factory.CreateClient(),
            $$"""{"name": "{{StrategyRequests.UniqueName("bad")}}", "strategy_type": "ema_crossover", "config": {{config}}}""",
            timeout.Token);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal([field], await StrategyRequests.ErrorFieldsAsync(response, timeout.Token));
    }

    [Fact]
    public async Task ADuplicateNameIs409AndStoresNothing()
    {
        var client = factory.CreateClient();
        var name = StrategyRequests.UniqueName("twice");
        await StrategyRequests.CreateAsync(client, name, "ema_crossover", null, timeout.Token);

        using var response = await StrategyRequests.PostJsonAsync(
            client, $$"""{"name": "{{name}}", "strategy_type": "sma_crossover"}""", timeout.Token);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(["name"], await StrategyRequests.ErrorFieldsAsync(response, timeout.Token));
        await using var connection = new NpgsqlConnection(factory.DatabaseConnectionString);
        Assert.Equal(1, await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT count(*) FROM strategies WHERE name = @Name", new { Name = name }, cancellationToken: timeout.Token)));
    }

    public void Dispose() => timeout.Dispose();
}
