using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Backtests.Tests.Backtests;
using Platform.ServiceDefaults.Identity;
using Platform.Testing;

namespace Platform.Backtests.Tests.Owners;

public sealed class OnlyTheOwnerOrAnAdminChangesABacktest(ApiOnlyBacktestsFactory factory) : IClassFixture<ApiOnlyBacktestsFactory>, IDisposable
{
    private readonly CancellationTokenSource timeout = new(TimeSpan.FromSeconds(30));
    private readonly Caller alice = Caller.Unique("alice", Roles.Reader, Roles.Trader);
    private readonly Caller bob = Caller.Unique("bob", Roles.Reader, Roles.Trader);

    [Fact]
    public async Task TheCreatorIsTheOwnerAndAReaderSeesIt()
    {
        var created = await CreateAsync(alice);

        var read = await GetAsync(Id(created));

        Assert.Equal(alice.User, created.GetProperty("owner").GetString());
        Assert.Equal(alice.User, read.GetProperty("owner").GetString());
    }

    [Fact]
    public async Task ABacktestOfAnotherTradersStrategyIsItsCreators()
    {
        var strategyId = await BacktestRequests.CreateStrategyAsync(factory.CreateClient(alice), $"shared-{Guid.NewGuid():N}");

        var created = await BacktestRequests.CreateAsync(factory.CreateClient(bob), BacktestRequests.Backtest(strategyId));

        Assert.Equal(bob.User, created.GetProperty("owner").GetString());
    }

    [Fact]
    public async Task AQueuedMultiTimeframeRunIsItsCallers()
    {
        var body = BacktestRequests.Backtest(await StrategyAsync(alice), timeframe: "1", hours: 24 * 100);
        body["additional_timeframes"] = new JsonArray("60");

        using var response = await factory.CreateClient(alice).PostAsJsonAsync("/api/v1/backtests/mtf", body, timeout.Token);
        var queued = await response.Content.ReadFromJsonAsync<JsonElement>(timeout.Token);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(alice.User, (await GetAsync(Id(queued))).GetProperty("owner").GetString());
    }

    [Theory]
    [InlineData("""{"symbol": "ETHUSDT"}""")]
    [InlineData("""{"status": "failed"}""")]
    [InlineData("""{"config": {"fast": 7}}""")]
    public async Task AnotherTradersEditOrCancelIs403AndChangesNothing(string change)
    {
        var id = Id(await CreateAsync(alice));
        var before = await GetAsync(id);

        using var response = await PutAsync(factory.CreateClient(bob), id, change);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(timeout.Token);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("Only the owner or an admin may change this backtest.", problem.GetProperty("title").GetString());
        Assert.Contains(alice.User, problem.GetProperty("detail").GetString());
        Assert.Equal(before.ToString(), (await GetAsync(id)).ToString());
    }

    [Fact]
    public async Task TheOwnerCancelsItAndAnAdminQueuesItAgain()
    {
        var id = Id(await CreateAsync(alice));

        using var cancelled = await PutAsync(factory.CreateClient(alice), id, """{"status": "failed"}""");
        using var requeued = await PutAsync(factory.CreateClient(), id, """{"status": "queued", "symbol": "ETHUSDT"}""");
        var current = await GetAsync(id);

        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal(HttpStatusCode.OK, requeued.StatusCode);
        Assert.Equal("queued", current.GetProperty("status").GetString());
        Assert.Equal("ETHUSDT", current.GetProperty("symbol").GetString());
        Assert.Equal(alice.User, current.GetProperty("owner").GetString());
    }

    [Theory]
    [InlineData("""{"status": "failed"}""")]
    [InlineData("""{"config": {"fast": 7}}""")]
    public async Task AMissingBacktestIs404ForAnotherTrader(string change)
    {
        using var response = await PutAsync(factory.CreateClient(bob), 987_654, change);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task AWorkerClaimsAnyonesBacktest()
    {
        var id = Id(await CreateAsync(alice));

        using var claimed = await factory.CreateClient(Caller.Worker).PostAsJsonAsync(
            $"/api/v1/backtests/{id}/claim", new JsonObject { ["worker_id"] = "owner-test" }, timeout.Token);

        Assert.Equal(HttpStatusCode.OK, claimed.StatusCode);
    }

    [Fact]
    public async Task OwnerMeListsTheCallersOwnAndANameListsThatOwners()
    {
        var strategyId = await StrategyAsync(alice);
        var alices = new[] { Id(await CreateAsync(alice, strategyId)), Id(await CreateAsync(alice, strategyId)) };
        var bobs = Id(await CreateAsync(bob, strategyId));

        var mine = await ListAsync(factory.CreateClient(alice), "owner=me");
        var his = await ListAsync(factory.CreateClient(Caller.Reader), $"owner={bob.User}&strategy_id={strategyId}");
        var all = await ListAsync(factory.CreateClient(Caller.Reader), $"strategy_id={strategyId}");

        Assert.Equal(2, mine.GetProperty("total").GetInt64());
        Assert.Equal(alices.OrderDescending(), Ids(mine));
        Assert.Equal([bobs], Ids(his));
        Assert.Equal(3, all.GetProperty("total").GetInt64());
    }

    [Theory]
    [InlineData("owner=%20")]
    [InlineData("owner=a%00b")]
    public async Task ABlankOwnerFilterIs400(string query)
    {
        using var response = await factory.CreateClient(alice).GetAsync($"/api/v1/backtests/?{query}", timeout.Token);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(timeout.Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["owner"], BacktestRequests.ErrorFields(problem));
    }

    private Task<long> StrategyAsync(Caller caller) =>
        BacktestRequests.CreateStrategyAsync(factory.CreateClient(caller), $"owned-{Guid.NewGuid():N}");

    private async Task<JsonElement> CreateAsync(Caller caller, long? strategyId = null) =>
        await BacktestRequests.CreateAsync(factory.CreateClient(caller), BacktestRequests.Backtest(strategyId ?? await StrategyAsync(caller)));

    private async Task<JsonElement> GetAsync(long id) =>
        await factory.CreateClient(Caller.Reader).GetFromJsonAsync<JsonElement>($"/api/v1/backtests/{id}", timeout.Token);

    private async Task<JsonElement> ListAsync(HttpClient client, string query) =>
        await client.GetFromJsonAsync<JsonElement>($"/api/v1/backtests/?{query}&limit=1000", timeout.Token);

    private Task<HttpResponseMessage> PutAsync(HttpClient client, long id, string json) =>
        client.PutAsync($"/api/v1/backtests/{id}", new StringContent(json, System.Text.Encoding.UTF8, "application/json"), timeout.Token);

    private static long Id(JsonElement backtest) => backtest.GetProperty("id").GetInt64();

    private static long[] Ids(JsonElement page) => [.. page.GetProperty("items").EnumerateArray().Select(Id)];

    public void Dispose() => timeout.Dispose();
}
