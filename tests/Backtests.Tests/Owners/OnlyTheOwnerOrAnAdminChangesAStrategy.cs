using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Npgsql;
using Platform.Backtests.Tests.Backtests;
using Platform.Backtests.Tests.Strategies;
using Platform.ServiceDefaults.Identity;
using Platform.Testing;

namespace Platform.Backtests.Tests.Owners;

public sealed class OnlyTheOwnerOrAnAdminChangesAStrategy(BacktestsFactory factory) : IClassFixture<BacktestsFactory>, IDisposable
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

    [Theory]
    [InlineData("""{"description": "changed by another trader"}""")]
    [InlineData("""{"name": "renamed by another trader"}""")]
    [InlineData("""{"config": {"fast": 7}}""")]
    [InlineData("""{"strategy_type": "donchian_breakout"}""")]
    public async Task AnotherTradersChangeIs403AndChangesNothing(string change)
    {
        var id = Id(await CreateAsync(alice));
        var before = await GetAsync(id);

        using var response = await StrategyRequests.PutJsonAsync(factory.CreateClient(bob), id, change, timeout.Token);
        var problem = await StrategyRequests.ReadAsync(response, timeout.Token);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("Only the owner or an admin may change this strategy.", problem.GetProperty("title").GetString());
        Assert.Contains(alice.User, problem.GetProperty("detail").GetString());
        Assert.Equal(before.ToString(), (await GetAsync(id)).ToString());
    }

    [Fact]
    public async Task AnotherTradersDeleteIs403AndTheStrategyStays()
    {
        var id = Id(await CreateAsync(alice));

        using var response = await factory.CreateClient(bob).DeleteAsync($"{StrategyRequests.Path}/{id}?force=true", timeout.Token);
        using var read = await factory.CreateClient(Caller.Reader).GetAsync($"{StrategyRequests.Path}/{id}", timeout.Token);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("Only the owner or an admin may change this strategy.", (await StrategyRequests.ReadAsync(response, timeout.Token)).GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }

    [Fact]
    public async Task TheOwnerDeletesItsStrategyAndAnotherTraderThenGets404()
    {
        var id = Id(await CreateAsync(alice));

        using var deleted = await factory.CreateClient(alice).DeleteAsync($"{StrategyRequests.Path}/{id}", timeout.Token);
        using var missing = await factory.CreateClient(bob).DeleteAsync($"{StrategyRequests.Path}/{id}", timeout.Token);

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task ItsOwnersForcedDeleteIsRefusedWhileAnotherTraderHasABacktestOnItAndAnAdminsIsNot()
    {
        var id = Id(await CreateAsync(alice));
        await BacktestRequests.CreateAsync(factory.CreateClient(alice), BacktestRequests.Backtest(id));
        await BacktestRequests.CreateAsync(factory.CreateClient(bob), BacktestRequests.Backtest(id));

        using var unforced = await factory.CreateClient(alice).DeleteAsync($"{StrategyRequests.Path}/{id}", timeout.Token);
        using var forced = await factory.CreateClient(alice).DeleteAsync($"{StrategyRequests.Path}/{id}?force=true", timeout.Token);
        var problem = await StrategyRequests.ReadAsync(forced, timeout.Token);
        var stayed = await GetAsync(id);
        using var byAdmin = await factory.CreateClient().DeleteAsync($"{StrategyRequests.Path}/{id}?force=true", timeout.Token);

        Assert.Equal(HttpStatusCode.Conflict, unforced.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forced.StatusCode);
        Assert.Contains("1 backtest(s) of other owners", problem.GetProperty("detail").GetString());
        Assert.Equal(alice.User, stayed.GetProperty("owner").GetString());
        Assert.Equal(HttpStatusCode.NoContent, byAdmin.StatusCode);
    }

    [Fact]
    public async Task ItsOwnersForcedDeleteTakesItsOwnBacktests()
    {
        var id = Id(await CreateAsync(alice));
        await BacktestRequests.CreateAsync(factory.CreateClient(alice), BacktestRequests.Backtest(id));

        using var forced = await factory.CreateClient(alice).DeleteAsync($"{StrategyRequests.Path}/{id}?force=true", timeout.Token);

        Assert.Equal(HttpStatusCode.NoContent, forced.StatusCode);
    }

    [Fact]
    public async Task TheOwnerChangesItAndAnAdminChangesAndDeletesIt()
    {
        var id = Id(await CreateAsync(alice));
        var admin = factory.CreateClient();

        using var byOwner = await StrategyRequests.PutJsonAsync(factory.CreateClient(alice), id, """{"config": {"fast": 8}}""", timeout.Token);
        using var byAdmin = await StrategyRequests.PutJsonAsync(admin, id, """{"description": "checked by an admin"}""", timeout.Token);
        var changed = await GetAsync(id);
        using var deleted = await admin.DeleteAsync($"{StrategyRequests.Path}/{id}", timeout.Token);
        using var read = await admin.GetAsync($"{StrategyRequests.Path}/{id}", timeout.Token);

        Assert.Equal(HttpStatusCode.OK, byOwner.StatusCode);
        Assert.Equal(HttpStatusCode.OK, byAdmin.StatusCode);
        Assert.Equal(8, changed.GetProperty("config").GetProperty("fast").GetInt32());
        Assert.Equal("checked by an admin", changed.GetProperty("description").GetString());
        Assert.Equal(alice.User, changed.GetProperty("owner").GetString());
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
    }

    [Fact]
    public async Task AStrategyWithoutAnOwnerIsChangedOnlyByAnAdmin()
    {
        await using var connection = new NpgsqlConnection(factory.DatabaseConnectionString);
        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO strategies (name, strategy_type, config) VALUES (@Name, 'sma_crossover', '{"fast": 10, "slow": 30}')
            RETURNING id
            """,
            new { Name = StrategyRequests.UniqueName("ownerless") },
            cancellationToken: timeout.Token));

        using var byTrader = await StrategyRequests.PutJsonAsync(factory.CreateClient(alice), id, """{"is_active": false}""", timeout.Token);
        var problem = await StrategyRequests.ReadAsync(byTrader, timeout.Token);
        using var byAdmin = await StrategyRequests.PutJsonAsync(factory.CreateClient(), id, """{"is_active": false}""", timeout.Token);
        var changed = await StrategyRequests.ReadAsync(byAdmin, timeout.Token);

        Assert.Equal(HttpStatusCode.Forbidden, byTrader.StatusCode);
        Assert.Contains("no owner", problem.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.OK, byAdmin.StatusCode);
        Assert.Equal(JsonValueKind.Null, changed.GetProperty("owner").ValueKind);
    }

    [Theory]
    [InlineData("""{"description": "nobody's"}""")]
    [InlineData("""{"config": {"fast": 7}}""")]
    public async Task AMissingStrategyIs404ForAnotherTrader(string change)
    {
        using var response = await StrategyRequests.PutJsonAsync(factory.CreateClient(bob), 987_654, change, timeout.Token);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task OwnerMeListsTheCallersOwnAndANameListsThatOwners()
    {
        var alices = new[] { Id(await CreateAsync(alice)), Id(await CreateAsync(alice)) };
        var bobs = Id(await CreateAsync(bob));

        var mine = await ListAsync(factory.CreateClient(alice), "owner=me");
        var his = await ListAsync(factory.CreateClient(Caller.Reader), $"owner={bob.User}");

        Assert.Equal(2, mine.GetProperty("total").GetInt64());
        Assert.Equal(alices.OrderDescending(), Ids(mine));
        Assert.Equal([bobs], Ids(his));
        Assert.All(his.GetProperty("items").EnumerateArray(), item => Assert.Equal(bob.User, item.GetProperty("owner").GetString()));
    }

    [Theory]
    [InlineData("owner=")]
    [InlineData("owner=%20")]
    [InlineData("owner=a%00b")]
    public async Task ABlankOwnerFilterIs400(string query)
    {
        using var response = await factory.CreateClient(alice).GetAsync($"{StrategyRequests.Path}/?{query}", timeout.Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["owner"], await StrategyRequests.ErrorFieldsAsync(response, timeout.Token));
    }

    private async Task<JsonElement> CreateAsync(Caller caller) =>
        await StrategyRequests.CreateAsync(factory.CreateClient(caller), StrategyRequests.UniqueName("owned"), "sma_crossover", new { fast = 5, slow = 20 }, timeout.Token);

    private async Task<JsonElement> GetAsync(long id) =>
        await factory.CreateClient(Caller.Reader).GetFromJsonAsync<JsonElement>($"{StrategyRequests.Path}/{id}", timeout.Token);

    private async Task<JsonElement> ListAsync(HttpClient client, string query) =>
        await client.GetFromJsonAsync<JsonElement>($"{StrategyRequests.Path}/?{query}&limit=1000", timeout.Token);

    private static long Id(JsonElement strategy) => strategy.GetProperty("id").GetInt64();

    private static long[] Ids(JsonElement page) => [.. page.GetProperty("items").EnumerateArray().Select(Id)];

    public void Dispose() => timeout.Dispose();
}
