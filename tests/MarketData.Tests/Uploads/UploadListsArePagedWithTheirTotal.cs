using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dapper;
using Npgsql;
using Platform.ServiceDefaults.Identity;
using Platform.Testing;

namespace Platform.MarketData.Tests.Uploads;

/// <summary>
/// <c>GET /api/v1/marketdata/uploads</c> pages newest first with <c>limit</c> and <c>offset</c>, as the backtests list
/// does, and its <c>total</c> counts every upload the filter matches, not the page.
/// </summary>
public sealed class UploadListsArePagedWithTheirTotal(MarketDataFactory factory) : IClassFixture<MarketDataFactory>, IDisposable
{
    private const int Uploads = 7;

    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(60));

    public void Dispose() => _timeout.Dispose();

    [Fact]
    public async Task PagesWalkTheUploadsNewestFirstWithTheirTotal()
    {
        var (uploader, newestFirst) = await UploadManyAsync();

        var pages = new List<JsonElement>();
        foreach (var offset in (int[])[0, 3, 6, 9])
        {
            pages.Add(await ListAsync(uploader, $"owner=me&limit=3&offset={offset}"));
        }

        List<List<string>> expected = [newestFirst[..3], newestFirst[3..6], newestFirst[6..], []];
        Assert.Equal(expected, pages.Select(Ids));
        Assert.All(pages, page => Assert.Equal(Uploads, page.GetProperty("total").GetInt64()));
    }

    [Fact]
    public async Task WithoutLimitAHundredAreShown()
    {
        var (uploader, newestFirst) = await UploadManyAsync();

        var page = await ListAsync(uploader, "owner=me");

        Assert.Equal(newestFirst, Ids(page));
        Assert.Equal(Uploads, page.GetProperty("total").GetInt64());
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(5000, Uploads)]
    public async Task ALimitOutsideItsRangeIsClamped(int limit, int shown)
    {
        var (uploader, newestFirst) = await UploadManyAsync();

        var page = await ListAsync(uploader, $"owner=me&limit={limit}");

        Assert.Equal(newestFirst[..shown], Ids(page));
    }

    [Fact]
    public async Task TheTotalOfEveryOwnerIsTheCountOfAllUploads()
    {
        await UploadManyAsync();
        await using var connection = new NpgsqlConnection(factory.DatabaseConnectionString);
        var stored = await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT count(*) FROM uploads", cancellationToken: _timeout.Token));

        var page = await ListAsync(Caller.Reader, "limit=2");

        Assert.Equal(stored, page.GetProperty("total").GetInt64());
        Assert.Equal(2, page.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task ANegativeOffsetIsABadRequestNamingIt()
    {
        using var response = await factory.CreateClient(Caller.Reader).GetAsync("/api/v1/marketdata/uploads?offset=-1", _timeout.Token);

        await Problems.AssertValidationAsync(response, "offset", "offset must be 0 or more.");
    }

    /// <summary>Seven uploads by an uploader of their own, one after another; their ids, the last first.</summary>
    private async Task<(Caller Uploader, List<string> NewestFirst)> UploadManyAsync()
    {
        var uploader = Caller.Unique("pager", Roles.Admin);
        var ids = new List<string>();
        for (var index = 0; index < Uploads; index++)
        {
            var content = Encoding.UTF8.GetBytes($"time,open,high,low,close,volume\n1704067200,1,2,0.5,1.5,{Guid.NewGuid().GetHashCode() & int.MaxValue}\n");
            using var response = await UploadRequests.UploadAsync(factory.CreateClient(uploader), $"page-{index}.csv", content, "PAGEUSDT", "60");
            var body = await response.Content.ReadFromJsonAsync<JsonElement>(_timeout.Token);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            ids.Add(body.GetProperty("upload_id").GetString()!);
        }
        ids.Reverse();
        return (uploader, ids);
    }

    private async Task<JsonElement> ListAsync(Caller caller, string query) =>
        await factory.CreateClient(caller).GetFromJsonAsync<JsonElement>($"/api/v1/marketdata/uploads?{query}", _timeout.Token);

    private static List<string> Ids(JsonElement page) => [.. page.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("upload_id").GetString()!)];
}
