using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Platform.Optimizations.Tests.Grid;
using Platform.ServiceDefaults.Identity;
using Platform.Testing;

namespace Platform.Optimizations.Tests.Owners;

public sealed class OnlyTheOwnerOrAnAdminChangesAnOptimization(ApiOnlyOptimizationsFactory factory) : IClassFixture<ApiOnlyOptimizationsFactory>, IDisposable
{
    private const string Path = "/api/v1/optimizations";

    private readonly CancellationTokenSource timeout = new(TimeSpan.FromSeconds(30));
    private readonly Caller alice = Caller.Unique("alice", Roles.Reader, Roles.Trader);
    private readonly Caller bob = Caller.Unique("bob", Roles.Reader, Roles.Trader);

    /// <summary>Every call that changes, cancels or runs an optimization, as a method, a path after the id and a body.</summary>
    public static TheoryData<string, string, string> Changes { get; } = new()
    {
        { "PUT", "", """{"metric": "sharpe_ratio"}""" },
        { "PUT", "", """{"status": "cancelled"}""" },
        { "PUT", "", """{"param_ranges": {"fast": [4], "slow": [20]}}""" },
        { "POST", "/cancel", "" },
        { "POST", "/grid", "{}" },
        { "POST", "/run/grid", "{}" },
        { "POST", "/walk-forward", "{}" },
        { "POST", "/run/walk-forward", "{}" },
        { "POST", "/monte-carlo", "{}" },
    };

    [Fact]
    public async Task TheCreatorIsTheOwnerAndAReaderSeesIt()
    {
        var created = await CreateAsync(alice);

        var read = await GetAsync(Id(created));

        Assert.Equal(alice.User, created.GetProperty("owner").GetString());
        Assert.Equal(alice.User, read.GetProperty("owner").GetString());
    }

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task AnotherTradersChangeOrRunIs403AndChangesNothing(string method, string path, string body)
    {
        var id = Id(await CreateAsync(alice));
        var before = await GetAsync(id);

        using var response = await SendAsync(factory.CreateClient(bob), method, $"{Path}/{id}{path}", body);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(timeout.Token);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("Only the owner or an admin may change this optimization.", problem.GetProperty("title").GetString());
        Assert.Contains(alice.User, problem.GetProperty("detail").GetString());
        Assert.Equal(before.ToString(), (await GetAsync(id)).ToString());
    }

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task AMissingOptimizationIs404ForAnotherTrader(string method, string path, string body)
    {
        using var response = await SendAsync(factory.CreateClient(bob), method, $"{Path}/987654{path}", body);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task TheOwnerRunsItAndAnAdminChangesAndCancelsIt()
    {
        var id = Id(await CreateAsync(alice));
        var admin = factory.CreateClient();

        using var renamed = await SendAsync(admin, "PUT", $"{Path}/{id}", """{"metric": "sharpe_ratio"}""");
        using var started = await SendAsync(factory.CreateClient(alice), "POST", $"{Path}/{id}/grid", "{}");
        using var cancelled = await SendAsync(admin, "POST", $"{Path}/{id}/cancel", "");
        var current = await GetAsync(id);

        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal("cancelled", current.GetProperty("status").GetString());
        Assert.Equal("sharpe_ratio", current.GetProperty("metric").GetString());
        Assert.Equal(alice.User, current.GetProperty("owner").GetString());
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
    }

    [Theory]
    [InlineData("owner=%20")]
    [InlineData("owner=a%00b")]
    public async Task ABlankOwnerFilterIs400(string query)
    {
        var (status, problem) = await OptimizationRequests.SendAsync(factory.CreateClient(alice).GetAsync($"{Path}/?{query}", timeout.Token));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(["owner"], OptimizationRequests.ErrorFields(problem));
    }

    private async Task<JsonElement> CreateAsync(Caller caller) =>
        await OptimizationRequests.CreateAsync(
            factory.CreateClient(caller),
            OptimizationRequests.Optimization(await OptimizationRequests.CreateStrategyAsync(factory, OptimizationRequests.Unique("owned"))));

    private async Task<JsonElement> GetAsync(long id) =>
        await factory.CreateClient(Caller.Reader).GetFromJsonAsync<JsonElement>($"{Path}/{id}", timeout.Token);

    private async Task<JsonElement> ListAsync(HttpClient client, string query) =>
        await client.GetFromJsonAsync<JsonElement>($"{Path}/?{query}&limit=1000", timeout.Token);

    private Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string path, string body) =>
        client.SendAsync(
            new HttpRequestMessage(new HttpMethod(method), path)
            {
                Content = body.Length == 0 ? null : new StringContent(body, Encoding.UTF8, "application/json"),
            },
            timeout.Token);

    private static long Id(JsonElement optimization) => optimization.GetProperty("id").GetInt64();

    private static long[] Ids(JsonElement page) => [.. page.GetProperty("items").EnumerateArray().Select(Id)];

    public void Dispose() => timeout.Dispose();
}
