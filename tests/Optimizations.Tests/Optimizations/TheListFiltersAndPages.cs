using System.Net;
using System.Text.Json;
using Platform.Optimizations.Tests.Grid;

namespace Platform.Optimizations.Tests.Optimizations;

public sealed class TheListFiltersAndPages(ApiOnlyOptimizationsFactory factory) : IClassFixture<ApiOnlyOptimizationsFactory>
{
    [Theory]
    [InlineData("status=paused", "status")]
    [InlineData("offset=-1", "offset")]
    [InlineData("status=paused&offset=-1", "offset")]
    [InlineData("status=queued&offset=-5", "offset")]
    public async Task ListRefusesAnUnknownStatusAndANegativeOffset(string query, string field)
    {
        var (status, problem) = await OptimizationRequests.SendAsync(factory.CreateClient().GetAsync($"/api/v1/optimizations/?{query}"));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal([field], OptimizationRequests.ErrorFields(problem));
    }

    [Fact]
    public async Task ListKeepsTheAskedStatusOfTheAskedStrategyNewestFirst()
    {
        var client = factory.CreateClient();
        var strategyId = await OptimizationRequests.CreateStrategyAsync(factory, "list-status");
        var oldest = (await OptimizationRequests.CreateAsync(client, OptimizationRequests.Optimization(strategyId))).GetProperty("id").GetInt64();
        var cancelled = (await OptimizationRequests.CreateAsync(client, OptimizationRequests.Optimization(strategyId))).GetProperty("id").GetInt64();
        var newest = (await OptimizationRequests.CreateAsync(client, OptimizationRequests.Optimization(strategyId))).GetProperty("id").GetInt64();
        using var cancel = await client.PostAsync($"/api/v1/optimizations/{cancelled}/cancel", null);

        var onlyCancelled = await ListAsync(client, $"strategy_id={strategyId}&status=cancelled");
        var queued = await ListAsync(client, $"strategy_id={strategyId}&status=queued");
        var everyStrategy = await ListAsync(client, "status=cancelled&limit=1000");

        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        Assert.Equal(1, onlyCancelled.Total);
        Assert.Equal([cancelled], onlyCancelled.Ids);
        Assert.Equal(2, queued.Total);
        Assert.Equal([newest, oldest], queued.Ids);
        Assert.Contains(cancelled, everyStrategy.Ids);
        Assert.Equal(everyStrategy.Ids.Count(), everyStrategy.Total);
    }

    [Theory]
    [InlineData("", 3, new[] { 2, 1, 0 })]
    [InlineData("&offset=2", 3, new[] { 0 })]
    [InlineData("&offset=3", 3, new int[0])]
    [InlineData("&limit=0", 3, new[] { 2 })]
    [InlineData("&limit=-7&offset=1", 3, new[] { 1 })]
    [InlineData("&limit=5000", 3, new[] { 2, 1, 0 })]
    [InlineData("&limit=2&offset=1", 3, new[] { 1, 0 })]
    public async Task PagesAreClampedToOneToAThousandItems(string paging, int total, int[] expected)
    {
        var client = factory.CreateClient();
        var strategyId = await OptimizationRequests.CreateStrategyAsync(factory, OptimizationRequests.Unique("list-pages"));
        var ids = new List<long>();
        for (var index = 0; index < 3; index++)
        {
            ids.Add((await OptimizationRequests.CreateAsync(client, OptimizationRequests.Optimization(strategyId))).GetProperty("id").GetInt64());
        }

        var page = await ListAsync(client, $"strategy_id={strategyId}{paging}");

        Assert.Equal(total, page.Total);
        Assert.Equal(expected.Select(index => ids[index]), page.Ids);
    }

    [Fact]
    public async Task AStrategyIdOfZeroListsEveryStrategy()
    {
        var client = factory.CreateClient();
        var first = await OptimizationRequests.CreateIdAsync(factory, client, "list-zero-a");
        var second = await OptimizationRequests.CreateIdAsync(factory, client, "list-zero-b");

        var all = await ListAsync(client, "strategy_id=0&limit=1000");

        Assert.Contains(first, all.Ids);
        Assert.Contains(second, all.Ids);
    }

    private static async Task<(long Total, long[] Ids)> ListAsync(HttpClient client, string query)
    {
        var page = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/optimizations/?{query}")).RootElement;
        return (page.GetProperty("total").GetInt64(), [.. page.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("id").GetInt64())]);
    }
}
