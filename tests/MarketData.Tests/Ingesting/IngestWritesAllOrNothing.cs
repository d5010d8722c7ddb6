using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using Dapper;
using Npgsql;
using Platform.MarketData.Tests.Ingest;
using Platform.MarketData.Tests.Uploads;

namespace Platform.MarketData.Tests.Ingesting;

public sealed class IngestWritesAllOrNothing(MarketDataFactory factory) : IClassFixture<MarketDataFactory>
{
    private const long Start = 1_704_067_200_000;
    private const long Minute = 60_000;


    [Fact]
    public async Task IngestingTheSameUploadTwiceInsertsNothingNew()
    {
        var client = factory.CreateClient();
        var id = await UploadRequests.UploadIdAsync(client, "twice.csv", Minutes(100), "TWICEUSDT", "1");

        var first = await UploadRequests.IngestOkAsync(client, id);
        var second = await UploadRequests.IngestOkAsync(client, id);

        Assert.Equal(100, first.GetProperty("inserted").GetInt64());
        Assert.Equal(0, second.GetProperty("inserted").GetInt64());
        Assert.Equal(0, second.GetProperty("updated").GetInt64());
        Assert.Equal(100, second.GetProperty("duplicates").GetInt64());
        Assert.Equal(100, await UploadRequests.CountCandlesAsync(factory.DatabaseConnectionString, "TWICEUSDT"));
    }

    [Fact]
    public async Task ChangedValuesAreCountedAsUpdatesAndRepeatedRowsAsDuplicates()
    {
        var client = factory.CreateClient();
        await UploadRequests.IngestOkAsync(client, await UploadRequests.UploadIdAsync(client, "base.csv", Minutes(10), "UPDUSDT", "1"));
        var changed = new StringBuilder("open_time,open,high,low,close,volume\n");
        changed.Append(Start).Append(",100,120,90,110,7\n");
        changed.Append(Start).Append(",100,120,90,111,7\n");
        changed.Append(Start + Minute).Append(",100,101,99,100.5,1\n");
        changed.Append(Start + 10 * Minute).Append(",100,101,99,100.5,1\n");

        var report = await UploadRequests.IngestOkAsync(client, await UploadRequests.UploadIdAsync(client, "changed.csv", Encoding.UTF8.GetBytes(changed.ToString()), "UPDUSDT", "1"));

        Assert.Equal(1, report.GetProperty("inserted").GetInt64());
        Assert.Equal(1, report.GetProperty("updated").GetInt64());
        Assert.Equal(2, report.GetProperty("duplicates").GetInt64());
        Assert.Equal(2, report.GetProperty("ingested").GetInt64());
    }

    [Fact]
    public async Task BadRowsAreRejectedWithRowNumbersAndReasons()
    {
        var client = factory.CreateClient();
        var id = await UploadRequests.UploadIdAsync(client, "bad-rows.csv", File.ReadAllBytes(UploadRequests.FilePath("bad-rows.csv")), "BADUSDT", "1");

        var report = await UploadRequests.IngestOkAsync(client, id);
        var rejected = report.GetProperty("rejected_rows").EnumerateArray().ToList();

        Assert.Equal(2, report.GetProperty("inserted").GetInt64());
        Assert.Equal(10, report.GetProperty("rejected").GetInt64());
        Assert.Equal(10, report.GetProperty("skipped").GetInt64());
        Assert.Equal(SampleFiles.BadRows, rejected.Select(row => (row.GetProperty("row").GetInt64(), row.GetProperty("reason").GetString()!)));
        Assert.Equal(2, await UploadRequests.CountCandlesAsync(factory.DatabaseConnectionString, "BADUSDT"));
    }

    [Fact]
    public async Task StrictIngestOfAFileWithABadRowWritesNothing()
    {
        var client = factory.CreateClient();
        var id = await UploadRequests.UploadIdAsync(client, "bad-rows.csv", File.ReadAllBytes(UploadRequests.FilePath("bad-rows.csv")), "STRICTUSDT", "1");

        using var response = await UploadRequests.IngestAsync(client, id, ("strict", "true"));
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("Invalid rows", problem.GetProperty("title").GetString());
        Assert.Equal("strict ingest refused the file: 10 of 12 rows are invalid; nothing was written.", problem.GetProperty("detail").GetString());
        Assert.Equal(10, problem.GetProperty("rejected").GetInt64());
        Assert.Equal(
            SampleFiles.BadRows,
            problem.GetProperty("rejected_rows").EnumerateArray().Select(row => (row.GetProperty("row").GetInt64(), row.GetProperty("reason").GetString()!)));
        Assert.Equal(0, await UploadRequests.CountCandlesAsync(factory.DatabaseConnectionString, "STRICTUSDT"));
    }

    [Fact]
    public async Task AFileCorruptHalfwayWritesNothingAndIs422()
    {
        var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(Minutes(60_000));
        }
        var corrupt = compressed.ToArray();
        Array.Fill(corrupt, (byte)0xFF, corrupt.Length * 3 / 5, 256);
        var client = factory.CreateClient();
        var id = await UploadRequests.UploadIdAsync(client, "corrupt.csv.gz", corrupt, "CORRUPTUSDT", "1");

        using var response = await UploadRequests.IngestAsync(client, id);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("The file cannot be ingested", problem.GetProperty("title").GetString());
        Assert.Equal("the gzip data is corrupt", problem.GetProperty("detail").GetString());
        Assert.Equal(0, await UploadRequests.CountCandlesAsync(factory.DatabaseConnectionString, "CORRUPTUSDT"));
    }

    [Fact]
    public async Task ADatabaseFailureHalfwayThroughTheWriteLeavesNothingWritten()
    {
        var client = factory.CreateClient();
        await UploadRequests.IngestOkAsync(client, await UploadRequests.UploadIdAsync(client, "first.csv", Minutes(500), "POISONUSDT", "1"));
        await using (var connection = new NpgsqlConnection(factory.DatabaseConnectionString))
        {
            // A row in the second half of the next file makes PostgreSQL abort the statement that writes it.
            var series = await connection.ExecuteScalarAsync<int>("SELECT id FROM candle_series WHERE symbol = 'POISONUSDT'");
            await connection.ExecuteAsync(
                $"""
                CREATE FUNCTION refuse_poison() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'poisoned row'; END $$;
                CREATE TRIGGER poison BEFORE INSERT OR UPDATE ON candle_bars FOR EACH ROW
                WHEN (NEW.series_id = {series} AND NEW.open_time = {Start + 900 * Minute}) EXECUTE FUNCTION refuse_poison();
                """);
        }
        var changed = Encoding.UTF8.GetString(Minutes(1_000)).Replace(",100,101,99,100.5,", ",100,102,99,100.5,", StringComparison.Ordinal);

        using var response = await UploadRequests.IngestAsync(client, await UploadRequests.UploadIdAsync(client, "second.csv", Encoding.UTF8.GetBytes(changed), "POISONUSDT", "1"));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        await using var check = new NpgsqlConnection(factory.DatabaseConnectionString);
        Assert.Equal(500, await check.ExecuteScalarAsync<long>("SELECT count(*) FROM candles WHERE symbol = 'POISONUSDT'"));
        Assert.Equal(0, await check.ExecuteScalarAsync<long>("SELECT count(*) FROM candles WHERE symbol = 'POISONUSDT' AND high <> 101"));
        Assert.Equal(1, await check.ExecuteScalarAsync<long>("SELECT count(*) FROM ingest_runs WHERE symbol = 'POISONUSDT'"));
    }

    [Fact]
    public async Task AHeaderOnlyFileIs422()
    {
        var client = factory.CreateClient();
        var id = await UploadRequests.UploadIdAsync(client, "header-only.csv", File.ReadAllBytes(UploadRequests.FilePath("header-only.csv")), "EMPTYUSDT", "1");

        using var response = await UploadRequests.IngestAsync(client, id);
        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity);

        Assert.Equal("the file holds no data rows", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task GapsInTheFileAreReported()
    {
        var rows = new StringBuilder("open_time,open,high,low,close\n");
        foreach (var minute in new[] { 0, 1, 2, 6, 7, 10 })
        {
            rows.Append(Start + minute * Minute).Append(",1,2,0.5,1.5\n");
        }
        var client = factory.CreateClient();

        var report = await UploadRequests.IngestOkAsync(client, await UploadRequests.UploadIdAsync(client, "gaps.csv", Encoding.UTF8.GetBytes(rows.ToString()), "GAPUSDT", "1"));
        var gaps = report.GetProperty("gaps").EnumerateArray()
            .Select(gap => (gap.GetProperty("start").GetInt64(), gap.GetProperty("end").GetInt64(), gap.GetProperty("missing_bars").GetInt64()))
            .ToList();

        Assert.Equal([(Start + 3 * Minute, Start + 5 * Minute, 3L), (Start + 8 * Minute, Start + 9 * Minute, 2L)], gaps);
    }

    [Fact]
    public async Task AnInvalidUploadIdIsAValidationProblem()
    {
        using var response = await UploadRequests.IngestAsync(factory.CreateClient(), "not-a-guid");

        await Problems.AssertValidationAsync(response, "upload_id", "invalid upload_id");
    }

    [Fact]
    public async Task AnUnknownUploadIsNotFound()
    {
        using var response = await UploadRequests.IngestAsync(factory.CreateClient(), "0123456789abcdef0123456789abcdef");
        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.NotFound);

        Assert.Equal("upload not found", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task AnUnsupportedFormatIsABadRequest()
    {
        var client = factory.CreateClient();
        var id = await UploadRequests.UploadIdAsync(client, "fmt.csv", Minutes(3), "FMTUSDT", "1");

        using var response = await UploadRequests.IngestAsync(client, id, ("fmt", "parquet"));

        await Problems.AssertValidationAsync(response, "fmt", "unsupported format: csv or jsonl.");
        Assert.Equal(0, await UploadRequests.CountCandlesAsync(factory.DatabaseConnectionString, "FMTUSDT"));
    }

    private static byte[] Minutes(int count)
    {
        var rows = new StringBuilder("open_time,open,high,low,close,volume\n");
        for (var minute = 0; minute < count; minute++)
        {
            rows.Append(Start + minute * Minute).Append(",100,101,99,100.5,").Append(minute % 7).Append('\n');
        }
        return Encoding.UTF8.GetBytes(rows.ToString());
    }
}
