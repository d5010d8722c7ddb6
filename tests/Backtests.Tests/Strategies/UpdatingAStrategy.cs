using System.Net;
using System.Text.Json;

namespace Platform.Backtests.Tests.Strategies;

public sealed class UpdatingAStrategy(BacktestsFactory factory) : IClassFixture<BacktestsFactory>, IDisposable
{
    private readonly CancellationTokenSource timeout = new(TimeSpan.FromSeconds(30));
    private readonly HttpClient client = factory.CreateClient();

    [Fact]
    public async Task OnlyTheGivenFieldsChangeAndUpdatedAtMoves()
    {
        var created = await CreateAsync("ema_crossover", new { fast = 10, slow = 30 });
        var name = StrategyRequests.UniqueName("renamed");

        var updated = await PutOkAsync(Id(created), $$"""{"name": "{{name}}", "is_active": false}""");

        Assert.Equal(name, updated.GetProperty("name").GetString());
        Assert.False(updated.GetProperty("is_active").GetBoolean());
        Assert.Equal(created.GetProperty("config").GetRawText(), updated.GetProperty("config").GetRawText());
        Assert.Equal(created.GetProperty("created_at").GetDateTime(), updated.GetProperty("created_at").GetDateTime());
        Assert.True(updated.GetProperty("updated_at").GetDateTime() > created.GetProperty("updated_at").GetDateTime());
    }

    [Fact]
    public async Task ConfigGoesOnTopOfTheStoredParameters()
    {
        var created = await CreateAsync("ema_crossover", new { fast = 10, slow = 30 });

        var updated = await PutOkAsync(Id(created), """{"config": {"slow": 40}}""");

        Assert.Equal(10, updated.GetProperty("config").GetProperty("fast").GetInt32());
        Assert.Equal(40, updated.GetProperty("config").GetProperty("slow").GetInt32());
    }

    [Fact]
    public async Task AParameterOutOfRangeIs422NamingItAndChangesNothing()
    {
        var created = await CreateAsync("ema_crossover", new { fast = 10, slow = 30 });

        using var response = await StrategyRequests.PutJsonAsync(client, Id(created), """{"name": "never", "config": {"fast": 0}}""", timeout.Token);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(["config.fast"], await StrategyRequests.ErrorFieldsAsync(response, timeout.Token));
        Assert.Equal(created.GetRawText(), (await GetAsync(Id(created))).GetRawText());
    }

    [Fact]
    public async Task ANewTypeRevalidatesTheStoredParameters()
    {
        var created = await CreateAsync("ema_crossover", null);

        using var response = await StrategyRequests.PutJsonAsync(client, Id(created), """{"strategy_type": "rsi_mean_reversion"}""", timeout.Token);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(["config.fast", "config.slow"], (await StrategyRequests.ErrorFieldsAsync(response, timeout.Token)).Order());
    }

    [Fact]
    public async Task ANewTypeWithItsOwnConfigReplacesTheParameters()
    {
        var created = await CreateAsync("ema_crossover", null);

        var updated = await PutOkAsync(Id(created), """{"strategy_type": "rsi_mean_reversion", "config": {"period": 10}}""");

        Assert.Equal("rsi_mean_reversion", updated.GetProperty("strategy_type").GetString());
        Assert.Equal(["overbought", "oversold", "period"], updated.GetProperty("config").EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(10, updated.GetProperty("config").GetProperty("period").GetInt32());
    }

    [Fact]
    public async Task AnUnknownTypeIs422NamingStrategyType()
    {
        var created = await CreateAsync("ema_crossover", null);

        using var response = await StrategyRequests.PutJsonAsync(client, Id(created), """{"strategy_type": "martingale"}""", timeout.Token);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(["strategy_type"], await StrategyRequests.ErrorFieldsAsync(response, timeout.Token));
    }

    [Theory]
    [InlineData("""{"name": "nobody"}""")]
    [InlineData("""{"config": {"fast": 5}}""")]
    public async Task AMissingStrategyIs404(string body)
    {
        using var response = await StrategyRequests.PutJsonAsync(client, 987654, body, timeout.Token);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Strategy not found", (await StrategyRequests.ReadAsync(response, timeout.Token)).GetProperty("title").GetString());
    }

    [Fact]
    public async Task TheNameOfAnotherStrategyIs409()
    {
        var first = await CreateAsync("ema_crossover", null);
        var second = await CreateAsync("ema_crossover", null);

        using var response = await StrategyRequests.PutJsonAsync(
            client, Id(second), $$"""{"name": "{{first.GetProperty("name").GetString()}}"}""", timeout.Token);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(second.GetRawText(), (await GetAsync(Id(second))).GetRawText());
    }

    [Theory]
    [InlineData("""{"name": ""}""", "name")]
    [InlineData("""{"strategy_type": " "}""", "strategy_type")]
    [InlineData("""{"config": [10, 30]}""", "config")]
    [InlineData("""{"config": {"fast": 5, "fast": 6}}""", "config")]
    public async Task BlankOrMalformedFieldsAre400(string body, string field)
    {
        var created = await CreateAsync("ema_crossover", null);

        using var response = await StrategyRequests.PutJsonAsync(client, Id(created), body, timeout.Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([field], await StrategyRequests.ErrorFieldsAsync(response, timeout.Token));
    }

    private Task<JsonElement> CreateAsync(string strategyType, object? config) =>
        StrategyRequests.CreateAsync(client, StrategyRequests.UniqueName("update"), strategyType, config, timeout.Token);

    private async Task<JsonElement> PutOkAsync(long id, string body)
    {
        using var response = await StrategyRequests.PutJsonAsync(client, id, body, timeout.Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await StrategyRequests.ReadAsync(response, timeout.Token);
    }

    private async Task<JsonElement> GetAsync(long id)
    {
        using var response = await client.GetAsync($"{StrategyRequests.Path}/{id}", timeout.Token);
        return await StrategyRequests.ReadAsync(response, timeout.Token);
    }

    private static long Id(JsonElement strategy) => strategy.GetProperty("id").GetInt64();

    public void Dispose()
    {
        client.Dispose();
        timeout.Dispose();
    }
}
