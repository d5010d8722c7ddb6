using System.Net;
using System.Text;
using System.Text.Json;
using Dapper;
using Npgsql;

namespace Platform.MarketData.Tests.Uploads;

public sealed class UploadsAreKeptInTheDatabase(MarketDataFactory factory) : IClassFixture<MarketDataFactory>
{
    [Fact]
    public async Task AnUploadIsStoredWithItsHashAndNoServerPath()
    {
        var content = File.ReadAllBytes(UploadRequests.FilePath("generic.csv"));
        var client = factory.CreateClient();

        using var response = await UploadRequests.UploadAsync(client, "../../etc/generic.csv", content, "btcusdt", "1h");
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches("^[0-9a-f]{32}$", body.GetProperty("upload_id").GetString());
        Assert.Equal("generic.csv", body.GetProperty("filename").GetString());
        Assert.Equal(content.Length, body.GetProperty("size").GetInt64());
        Assert.Equal("BTCUSDT", body.GetProperty("symbol").GetString());
        Assert.Equal("60", body.GetProperty("interval").GetString());
        Assert.Equal("csv", body.GetProperty("format").GetString());
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content)), body.GetProperty("sha256").GetString());
        Assert.False(body.GetProperty("duplicate").GetBoolean());
        Assert.False(body.TryGetProperty("stored_path", out _));
        await using var connection = new NpgsqlConnection(factory.DatabaseConnectionString);
        var stored = await connection.QuerySingleAsync<byte[]>(
            "SELECT string_agg(data, ''::bytea ORDER BY seq) FROM upload_chunks WHERE upload_id = @Id",
            new { Id = Guid.Parse(body.GetProperty("upload_id").GetString()!) });
        Assert.Equal(content, stored);
    }

    [Fact]
    public async Task ContentLargerThanAChunkComesBackWhole()
    {
        var rows = new StringBuilder("open_time,open,high,low,close,volume\n");
        for (var minute = 0; rows.Length < 2_500_000; minute++)
        {
            rows.Append(1_704_067_200_000L + minute * 60_000L).Append(",100,101,99,100.5,").Append(minute).Append('\n');
        }
        var content = Encoding.UTF8.GetBytes(rows.ToString());
        var client = factory.CreateClient();

        var id = await UploadRequests.UploadIdAsync(client, "big.csv", content, "BIGUSDT", "1");
        var report = await UploadRequests.IngestOkAsync(client, id);

        Assert.Equal(content.Count(b => b == '\n') - 1, report.GetProperty("inserted").GetInt64());
        Assert.Equal(0, report.GetProperty("rejected").GetInt64());
    }

    [Fact]
    public async Task TheSameFileTwiceIsReportedAsADuplicate()
    {
        var content = Encoding.UTF8.GetBytes("open_time,open,high,low,close\n1704067200000,1,2,0.5,1.5\n");
        var client = factory.CreateClient();
        var first = await UploadRequests.UploadIdAsync(client, "once.csv", content, "DUPUSDT", "60");

        using var again = await UploadRequests.UploadAsync(client, "again.csv", content, "DUPUSDT", "60");
        var body = JsonDocument.Parse(await again.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.True(body.GetProperty("duplicate").GetBoolean());
        Assert.Equal(first, body.GetProperty("upload_id").GetString());
        var listed = JsonDocument.Parse(await client.GetStringAsync("/api/v1/marketdata/uploads")).RootElement.GetProperty("items");
        Assert.Single(listed.EnumerateArray(), item => item.GetProperty("symbol").GetString() == "DUPUSDT");
    }

    [Fact]
    public async Task UploadsAreListedNewestFirstWithoutPaths()
    {
        var client = factory.CreateClient();
        var older = await UploadRequests.UploadIdAsync(client, "a.csv", Encoding.UTF8.GetBytes("time,open,high,low,close\n1704067200,1,2,0.5,1.5\n"), "LISTUSDT", "60");
        var newer = await UploadRequests.UploadIdAsync(client, "b.jsonl", Encoding.UTF8.GetBytes("{\"time\":1704067200,\"open\":1,\"high\":2,\"low\":0.5,\"close\":1.1}\n"), "LISTUSDT", "60");

        var body = JsonDocument.Parse(await client.GetStringAsync("/api/v1/marketdata/uploads")).RootElement;
        var ids = body.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("upload_id").GetString()).ToList();

        Assert.True(ids.IndexOf(newer) < ids.IndexOf(older));
        Assert.False(body.TryGetProperty("dir", out _));
        Assert.Equal("jsonl", body.GetProperty("items")[ids.IndexOf(newer)].GetProperty("format").GetString());
    }

    [Fact]
    public async Task DeletingRemovesTheUploadAndThenSaysNotFound()
    {
        var client = factory.CreateClient();
        var id = await UploadRequests.UploadIdAsync(client, "gone.csv", Encoding.UTF8.GetBytes("time,open,high,low,close\n1704067200,1,2,0.5,1.25\n"), "DELUSDT", "60");

        using var deleted = await client.DeleteAsync($"/api/v1/marketdata/uploads/{id}");
        using var again = await client.DeleteAsync($"/api/v1/marketdata/uploads/{id}");
        using var invalid = await client.DeleteAsync("/api/v1/marketdata/uploads/..%2F..%2Fetc");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        var gone = await Problems.AssertProblemAsync(again, HttpStatusCode.NotFound);
        Assert.Equal("upload not found", gone.GetProperty("title").GetString());
        await Problems.AssertValidationAsync(invalid, "upload_id", "invalid upload_id");
        await using var connection = new NpgsqlConnection(factory.DatabaseConnectionString);
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM upload_chunks WHERE upload_id = @Id", new { Id = Guid.Parse(id) }));
    }
}
