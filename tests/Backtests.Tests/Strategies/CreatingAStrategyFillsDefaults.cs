using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.Backtests.Tests.Strategies;

public sealed class CreatingAStrategyFillsDefaults(BacktestsFactory factory) : IClassFixture<BacktestsFactory>, IDisposable
{
    private readonly CancellationTokenSource timeout = new(TimeSpan.FromSeconds(30));

    [Fact]
    public async Task CreateAnswers201WithTheLocationOfTheNewStrategy()
    {
        var name = StrategyRequests.UniqueName("located");

        using var response = await factory.CreateClient().PostAsJsonAsync(
            $"{StrategyRequests.Path}/", new { name, strategy_type = "ema_crossover", config = new { fast = 10 } }, timeout.Token);
        var created = await StrategyRequests.ReadAsync(response, timeout.Token);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"{StrategyRequests.Path}/{created.GetProperty("id").GetInt64()}", response.Headers.Location?.OriginalString);
        Assert.Equal(name, created.GetProperty("name").GetString());
    }

    [Fact]
    public async Task ParametersLeftOutAreStoredWithTheirSchemaDefaults()
    {
        var client = factory.CreateClient();

        var created = await StrategyRequests.CreateAsync(client, StrategyRequests.UniqueName("defaults"), "ema_crossover", new { fast = 10 }, timeout.Token);
        var config = created.GetProperty("config");

        Assert.Equal(10, config.GetProperty("fast").GetInt32());
        Assert.Equal(200, config.GetProperty("slow").GetInt32());
        Assert.Equal(2, config.EnumerateObject().Count());
    }

    [Fact]
    public async Task WithoutConfigOrFlagsTheStrategyIsActiveWithAllDefaults()
    {
        var created = await StrategyRequests.CreateAsync(
            factory.CreateClient(), StrategyRequests.UniqueName("bare"), "rsi_mean_reversion", null, timeout.Token);

        Assert.True(created.GetProperty("is_active").GetBoolean());
        Assert.Equal(14, created.GetProperty("config").GetProperty("period").GetInt32());
        Assert.Equal(30, created.GetProperty("config").GetProperty("oversold").GetDouble());
        Assert.Equal(70, created.GetProperty("config").GetProperty("overbought").GetDouble());
        Assert.Equal(JsonValueKind.Null, created.GetProperty("description").ValueKind);
    }

    [Fact]
    public async Task TheLocationReadsBackWhatWasCreated()
    {
        var client = factory.CreateClient();
        var name = StrategyRequests.UniqueName("readback");
        using var created = await client.PostAsJsonAsync(
            StrategyRequests.Path,
            new { name, description = "slow trend", strategy_type = "sma_crossover", is_active = false },
            timeout.Token);

        using var read = await client.GetAsync(created.Headers.Location, timeout.Token);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(
            (await StrategyRequests.ReadAsync(created, timeout.Token)).GetRawText(),
            (await StrategyRequests.ReadAsync(read, timeout.Token)).GetRawText());
    }

    public void Dispose() => timeout.Dispose();
}
