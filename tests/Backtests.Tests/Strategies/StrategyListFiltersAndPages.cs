using System.Net;
using System.Text.Json;
using Dapper;
using Npgsql;
using Platform.ServiceDefaults;
using Platform.Testing;

namespace Platform.Backtests.Tests.Strategies;

public sealed class StrategyListFiltersAndPages(SeededStrategiesFactory factory) : IClassFixture<SeededStrategiesFactory>, IDisposable
{
    private readonly CancellationTokenSource timeout = new(TimeSpan.FromSeconds(30));

    [Theory]
    [InlineData("")]
    [InlineData("/")]
    public async Task WithoutFiltersEveryStrategyIsListedNewestFirst(string slash)
    {
        var page = await ListAsync($"{StrategyRequests.Path}{slash}");

        Assert.Equal(SeededStrategiesFactory.Count, page.GetProperty("total").GetInt64());
        Assert.Equal(factory.Ids.OrderDescending(), Ids(page));
    }

    [Theory]
    [InlineData("is_active=false", 2)]
    [InlineData("is_active=true", 3)]
    [InlineData("strategy_type=ema_crossover", 3)]
    [InlineData("strategy_type=rsi_mean_reversion&is_active=true", 1)]
    [InlineData("strategy_type=donchian_breakout", 0)]
    public async Task FiltersNarrowTheItemsAndTheTotal(string filter, int expected)
    {
        var page = await ListAsync($"{StrategyRequests.Path}/?{filter}");

        Assert.Equal(expected, page.GetProperty("total").GetInt64());
        Assert.Equal(expected, page.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task LimitAndOffsetPageWhileTheTotalCountsEveryMatch()
    {
        var page = await ListAsync($"{StrategyRequests.Path}/?limit=2&offset=1");

        Assert.Equal(SeededStrategiesFactory.Count, page.GetProperty("total").GetInt64());
        Assert.Equal(factory.Ids.OrderDescending().Skip(1).Take(2), Ids(page));
    }

    [Fact]
    public async Task AnOffsetPastTheEndGivesNoItemsButTheTotal()
    {
        var page = await ListAsync($"{StrategyRequests.Path}/?offset=50");

        Assert.Empty(Ids(page));
        Assert.Equal(SeededStrategiesFactory.Count, page.GetProperty("total").GetInt64());
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(-5, 1)]
    [InlineData(5000, SeededStrategiesFactory.Count)]
    public async Task LimitIsClampedBetween1And1000(int limit, int expected)
    {
        var page = await ListAsync($"{StrategyRequests.Path}/?limit={limit}");

        Assert.Equal(expected, page.GetProperty("items").GetArrayLength());
    }

    [Theory]
    [InlineData("offset=-1")]
    [InlineData("is_active=maybe")]
    [InlineData("limit=ten")]
    [InlineData("strategy_type=%00")]
    [InlineData("limit=99999999999")]
    public async Task InvalidQueryValuesAre400(string query)
    {
        using var response = await factory.CreateClient().GetAsync($"{StrategyRequests.Path}/?{query}", timeout.Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private async Task<JsonElement> ListAsync(string url)
    {
        using var response = await factory.CreateClient().GetAsync(url, timeout.Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await StrategyRequests.ReadAsync(response, timeout.Token);
    }

    private static IEnumerable<long> Ids(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("id").GetInt64()).ToList();

    public void Dispose() => timeout.Dispose();
}

/// <summary>A backtests service whose database holds five known strategies and nothing else.</summary>
public sealed class SeededStrategiesFactory() : ServiceFactory<Program>(ResourceNames.BacktestsDb)
{
    public const int Count = 5;

    public IReadOnlyList<long> Ids { get; private set; } = [];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var connection = new NpgsqlConnection(DatabaseConnectionString);
        var ids = await connection.QueryAsync<long>(
            """
            INSERT INTO strategies (name, strategy_type, is_active)
            VALUES ('ema active 1', 'ema_crossover', true),
                   ('ema active 2', 'ema_crossover', true),
                   ('ema inactive', 'ema_crossover', false),
                   ('rsi active', 'rsi_mean_reversion', true),
                   ('rsi inactive', 'rsi_mean_reversion', false)
            RETURNING id
            """);
        Ids = ids.AsList();
    }
}
