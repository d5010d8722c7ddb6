using System.Net;
using System.Text;
using System.Text.Json;
using Platform.MarketData.Tests.Uploads;
using Platform.Testing;

namespace Platform.MarketData.Tests.Ingesting;

/// <summary>
/// Ingests past <c>Ingest:SynchronousBytes</c> run as jobs the client polls (docs/api-behaviour.md, 4.15). The threshold is
/// set to 4 KiB here so that a file of a few MiB takes the path a 100 MiB file takes in production.
/// </summary>
public sealed class LargeIngestsRunAsJobs(JobIngestFactory factory) : IClassFixture<JobIngestFactory>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task ALargeUploadIsAcceptedAtOnceAndItsJobReportsTheIngest()
    {
        var client = factory.CreateClient();
        var text = GzipBombsAreRefusedUnread.Minutes(60_000);
        var id = await UploadRequests.UploadIdAsync(client, "large.csv", text, "JOBUSDT", "1");

        using var response = await UploadRequests.IngestAsync(client, id);
        var accepted = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var location = response.Headers.Location!.ToString();
        var done = await WaitFinishedAsync(client, location);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal($"/api/v1/marketdata/uploads/{id}/ingest/{accepted.GetProperty("job_id").GetString()}", location);
        Assert.Equal("queued", accepted.GetProperty("status").GetString());
        Assert.Equal(text.Length, accepted.GetProperty("bytes_total").GetInt64());
        Assert.Equal("completed", done.GetProperty("status").GetString());
        Assert.Equal(text.Length, done.GetProperty("bytes_read").GetInt64());
        Assert.Equal(1.0, done.GetProperty("progress").GetDouble());
        Assert.Equal(JsonValueKind.Null, done.GetProperty("error").ValueKind);
        var report = done.GetProperty("report");
        Assert.Equal(60_000, report.GetProperty("inserted").GetInt64());
        Assert.Equal(id, report.GetProperty("upload_id").GetString());
        Assert.Equal(1_704_067_200_000L + 59_999 * 60_000L, report.GetProperty("latest_ms").GetInt64());
        Assert.Equal(60_000, await UploadRequests.CountCandlesAsync(factory.DatabaseConnectionString, "JOBUSDT", "1"));
    }

    [Fact]
    public async Task AStrictJobWithABadRowEndsFailedWithTheRejectedRowsAndWritesNothing()
    {
        var client = factory.CreateClient();
        var text = Encoding.UTF8.GetString(GzipBombsAreRefusedUnread.Minutes(1_000)) + "1704127200000,1,0.5,2,1.5,3\n";
        var id = await UploadRequests.UploadIdAsync(client, "strict.csv", Encoding.UTF8.GetBytes(text), "JOBSTRICTUSDT", "1");

        using var response = await UploadRequests.IngestAsync(client, id, ("strict", "1"));
        var done = await WaitFinishedAsync(client, response.Headers.Location!.ToString());

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("failed", done.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, done.GetProperty("report").ValueKind);
        var error = done.GetProperty("error");
        Assert.Equal(422, error.GetProperty("status").GetInt32());
        Assert.Equal(1, error.GetProperty("rejected").GetInt64());
        Assert.Equal(1_002, error.GetProperty("rejected_rows")[0].GetProperty("row").GetInt64());
        Assert.Equal(0, await UploadRequests.CountCandlesAsync(factory.DatabaseConnectionString, "JOBSTRICTUSDT"));
    }

    [Fact]
    public async Task ASmallUploadIsStillIngestedWithinTheRequest()
    {
        var client = factory.CreateClient();
        var id = await UploadRequests.UploadIdAsync(client, "small.csv", GzipBombsAreRefusedUnread.Minutes(50), "JOBSMALLUSDT", "1");

        var report = await UploadRequests.IngestOkAsync(client, id);

        Assert.Equal(50, report.GetProperty("inserted").GetInt64());
    }

    [Fact]
    public async Task AnUnknownJobIsNotFound()
    {
        using var response = await factory.CreateClient().GetAsync(
            "/api/v1/marketdata/uploads/0123456789abcdef0123456789abcdef/ingest/01890a5d-ac96-774b-bcce-b302099a8057");
        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.NotFound);

        Assert.Equal(
            "No ingest job 01890a5d-ac96-774b-bcce-b302099a8057 of upload 0123456789abcdef0123456789abcdef.",
            problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("0123456789abcdef0123456789abcdef", "not-a-job", "job_id", "job_id must be a UUID.")]
    [InlineData("not-an-upload", "01890a5d-ac96-774b-bcce-b302099a8057", "upload_id", "invalid upload_id")]
    public async Task AnInvalidIdIsAValidationProblemNamingIt(string uploadId, string jobId, string field, string message)
    {
        using var response = await factory.CreateClient().GetAsync($"/api/v1/marketdata/uploads/{uploadId}/ingest/{jobId}");

        await Problems.AssertValidationAsync(response, field, message);
    }

    private static Task<JsonElement> WaitFinishedAsync(HttpClient client, string location) =>
        Eventually.ReturnsAsync(
            async () => JsonDocument.Parse(await client.GetStringAsync(location)).RootElement.Clone(),
            job => job.GetProperty("status").GetString() is "completed" or "failed",
            Timeout,
            $"the ingest job {location} to finish");
}

/// <summary>A market data service that ingests uploads of more than 4 KiB of text as jobs.</summary>
public sealed class JobIngestFactory : MarketDataFactory
{
    public JobIngestFactory() => Set("Ingest:SynchronousBytes", "4096");
}
