using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Platform.Backtests.Strategies;

namespace Platform.Backtests.Tests.Strategies;

public sealed class ReadingAStrategy(BacktestsFactory factory) : IClassFixture<BacktestsFactory>, IDisposable
{
    private readonly CancellationTokenSource timeout = new(TimeSpan.FromSeconds(30));

    [Fact]
    public async Task AnUnknownIdIs404StrategyNotFound()
    {
        using var response = await factory.CreateClient().GetAsync($"{StrategyRequests.Path}/987654", timeout.Token);
        var problem = await StrategyRequests.ReadAsync(response, timeout.Token);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Strategy not found", problem.GetProperty("title").GetString());
        Assert.Contains("Strategy not found", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("99999999999999999999")]
    public async Task AnIdThatIsNotANumberIs400(string id)
    {
        using var response = await factory.CreateClient().GetAsync($"{StrategyRequests.Path}/{id}", timeout.Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task TheStoreReturnsTheStrategyWithItsParsedConfig()
    {
        var created = await StrategyRequests.CreateAsync(
            factory.CreateClient(), StrategyRequests.UniqueName("store"), "ema_crossover", new { fast = 12, slow = 26 }, timeout.Token);
        var store = factory.Services.GetRequiredService<StrategyStore>();

        var strategy = await store.GetAsync(created.GetProperty("id").GetInt64(), timeout.Token);

        Assert.NotNull(strategy);
        Assert.Equal("ema_crossover", strategy.StrategyType);
        Assert.True(JsonNode.DeepEquals(new JsonObject { ["fast"] = 12, ["slow"] = 26 }, strategy.Config));
        Assert.Equal(DateTimeKind.Utc, strategy.CreatedAt.Kind);
    }

    [Fact]
    public async Task TheStoreReturnsNullForAnUnknownId()
    {
        var store = factory.Services.GetRequiredService<StrategyStore>();

        Assert.Null(await store.GetAsync(987654, timeout.Token));
    }

    public void Dispose() => timeout.Dispose();
}
