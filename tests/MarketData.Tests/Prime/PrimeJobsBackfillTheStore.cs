using System.Net;
using System.Text.Json;
using Platform.MarketData.Tests.Uploads;
using Platform.Testing;
using Platform.Testing.FakeBybit;

namespace Platform.MarketData.Tests.Prime;

public sealed class PrimeJobsBackfillTheStore(MarketDataFactory factory) : IClassFixture<MarketDataFactory>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task AJobBackfillsEveryIntervalAndReportsItsProgress()
    {
        var client = factory.CreateClient();

        using var response = await PrimeAsync(client, ("symbol", "primeusdt"), ("intervals", "1h,240"), ("load_limit", "2500"));
        var accepted = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var job = await WaitForStatusAsync(client, response.Headers.Location!.ToString(), "completed");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(6, accepted.GetProperty("pages_total").GetInt32());
        Assert.Equal(6, job.GetProperty("pages_done").GetInt32());
        Assert.Equal(1.0, job.GetProperty("progress").GetDouble());
        Assert.Equal(5_000, job.GetProperty("candles_stored").GetInt64());
        Assert.Equal(500, job.GetProperty("ram_working_set").GetProperty("60").GetInt32());
        Assert.Equal(500, job.GetProperty("ram_working_set").GetProperty("240").GetInt32());
        Assert.Equal(2_500, await UploadRequests.CountCandlesAsync(factory.DatabaseConnectionString, "PRIMEUSDT", "60"));
        Assert.Equal(2_500, await UploadRequests.CountCandlesAsync(factory.DatabaseConnectionString, "PRIMEUSDT", "240"));
        var working = JsonDocument.Parse(await client.GetStringAsync("/api/v1/marketdata/bybit/klines/working?symbol=PRIMEUSDT&interval=60")).RootElement;
        var newest = working[working.GetArrayLength() - 1];
        Assert.True((newest.GetProperty("time").GetInt64() + 3_600) * 1000 <= DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        Assert.Equal((double)FakeMarket.Candle("PRIMEUSDT", newest.GetProperty("time").GetInt64() * 1000).Close, newest.GetProperty("close").GetDouble());
    }

    [Fact]
    public async Task AnExplicitRangeIsBackfilledInFullPages()
    {
        var client = factory.CreateClient();

        using var response = await PrimeAsync(client, ("symbol", "RANGEUSDT"), ("intervals", "15"), ("start", "2024-01-01T00:00:00Z"), ("end", "2024-01-31T00:00:00Z"));
        var job = await WaitForStatusAsync(client, response.Headers.Location!.ToString(), "completed");

        Assert.Equal(3, job.GetProperty("pages_total").GetInt32());
        Assert.Equal(30 * 96, await UploadRequests.CountCandlesAsync(factory.DatabaseConnectionString, "RANGEUSDT", "15"));
    }

    [Fact]
    public async Task WaitAnswersTheOriginalShapeWhenTheLoadIsSmall()
    {
        using var response = await PrimeAsync(factory.CreateClient(), ("symbol", "WAITUSDT"), ("intervals", "15,60"), ("load_limit", "300"), ("wait", "1"));
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("WAITUSDT", body.GetProperty("symbol").GetString());
        Assert.Equal(["15", "60"], body.GetProperty("intervals").EnumerateArray().Select(item => item.GetString()));
        Assert.Equal(300, body.GetProperty("ram_working_set").GetProperty("15").GetInt32());
        Assert.Equal("completed", body.GetProperty("status").GetString());
    }

    [Fact]
    public async Task WaitingForALargeLoadIsRefused()
    {
        using var response = await PrimeAsync(factory.CreateClient(), ("symbol", "HUGEUSDT"), ("intervals", "1"), ("load_limit", "50000"), ("wait", "1"));

        // 50 000 one-minute bars are 50 pages of 1000, above Prime:SynchronousPageLimit (20).
        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.Equal("Backfill too large to wait for", problem.GetProperty("title").GetString());
        Assert.Equal(
            "wait=1 is for small loads: this one needs 50 Bybit pages, more than 20. Omit wait to run it as a job.",
            problem.GetProperty("detail").GetString());
        Assert.Empty(factory.Bybit.RequestsFor("HUGEUSDT"));
    }

    [Fact]
    public async Task AnUnknownSymbolFailsTheJobWithItsReason()
    {
        factory.Bybit.AddUnknownSymbol("NOPEUSDT");
        var client = factory.CreateClient();

        using var response = await PrimeAsync(client, ("symbol", "NOPEUSDT"), ("intervals", "60"), ("load_limit", "10"));
        var job = await WaitForStatusAsync(client, response.Headers.Location!.ToString(), "failed");

        // Permanent: failed on the first attempt after one request, with Bybit's answer as the reason.
        Assert.Equal(["retCode 10001: Not supported symbols"], job.GetProperty("errors").EnumerateArray().Select(error => error.GetString()));
        Assert.Equal("retCode 10001: Not supported symbols", job.GetProperty("error_message").GetString());
        Assert.Equal(1, job.GetProperty("attempts").GetInt32());
        Assert.Equal(0, job.GetProperty("pages_done").GetInt32());
        Assert.NotNull(job.GetProperty("finished_at").GetString());
        Assert.Single(factory.Bybit.RequestsFor("NOPEUSDT"));
    }

    [Fact]
    public async Task EmptyIntervalsMeanTheDefaults()
    {
        using var response = await PrimeAsync(factory.CreateClient(), ("symbol", "DEFUSDT"), ("intervals", ""), ("load_limit", "5"));
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(["1", "5", "15", "60"], body.GetProperty("intervals").EnumerateArray().Select(item => item.GetString()));
    }

    [Theory]
    [InlineData("", "60", "10", null, "symbol", "symbol is required.")]
    [InlineData("BTCUSDT", ",", "10", null, "intervals", "intervals is empty")]
    [InlineData("BTCUSDT", " , ", "10", null, "intervals", "intervals is empty")]
    [InlineData("BTCUSDT", "1,7", "10", null, "intervals", "unknown interval '7'.")]
    [InlineData("BTCUSDT", "60", "0", null, "load_limit", "load_limit must be between 1 and 5000000.")]
    [InlineData("BTCUSDT", "60", "10", "2030-01-01", "start", "start must be before end (and before now).")]
    [InlineData("BTCUSDT", "60", "10", "soon", "start", "start must be epoch milliseconds or ISO-8601, from 1970-01-01 to 9999-12-31 UTC.")]
    public async Task InvalidRequestsAreBadRequestsNamingTheField(string symbol, string intervals, string loadLimit, string? start, string field, string message)
    {
        List<(string, string)> fields = [("symbol", symbol), ("intervals", intervals), ("load_limit", loadLimit)];
        if (start is not null)
        {
            fields.Add(("start", start));
        }

        using var response = await PrimeAsync(factory.CreateClient(), [.. fields]);

        await Problems.AssertValidationAsync(response, field, message);
    }

    [Fact]
    public async Task AnInvalidJobIdIsAValidationProblem()
    {
        using var response = await factory.CreateClient().GetAsync("/api/v1/marketdata/bybit/prime/not-a-job");

        await Problems.AssertValidationAsync(response, "job_id", "job_id must be a UUID.");
    }

    [Fact]
    public async Task AnUnknownJobIdIsNotFound()
    {
        using var response = await factory.CreateClient().GetAsync("/api/v1/marketdata/bybit/prime/0190a0a0-0000-7000-8000-000000000000");
        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.NotFound);

        Assert.Equal("No backfill job 0190a0a0-0000-7000-8000-000000000000.", problem.GetProperty("detail").GetString());
    }

    internal static Task<HttpResponseMessage> PrimeAsync(HttpClient client, params (string Key, string Value)[] fields) =>
        client.PostAsync("/api/v1/marketdata/bybit/prime", new FormUrlEncodedContent(fields.Select(field => KeyValuePair.Create(field.Key, field.Value))));

    internal static Task<JsonElement> WaitForStatusAsync(HttpClient client, string location, string status) =>
        Eventually.ReturnsAsync(
            async () => JsonDocument.Parse(await client.GetStringAsync(location)).RootElement.Clone(),
            job => job.GetProperty("status").GetString() == status,
            Timeout,
            $"backfill job {location} to be {status}");
}
