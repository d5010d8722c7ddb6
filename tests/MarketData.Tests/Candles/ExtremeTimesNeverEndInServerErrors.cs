using System.Net;
using System.Text.Json;
using Platform.MarketData.Tests.Prime;
using Platform.MarketData.Tests.Uploads;

namespace Platform.MarketData.Tests.Candles;

/// <summary>
/// Times outside 1970-01-01 to the end of 9999 are 400 naming the parameter (docs/api-behaviour.md, 1.2), and times at
/// either end of that span are worked with like any other: nothing ends in a 500.
/// </summary>
public sealed class ExtremeTimesNeverEndInServerErrors(MarketDataFactory factory) : IClassFixture<MarketDataFactory>
{
    private const string LastMillisecond = "253402300799999";
    private const string Span = "from 1970-01-01 to 9999-12-31 UTC";

    // 9999-12-05, inside the calendar's last month: the bar after it opens in the year 10000.
    private const string InTheLastMonth = "253400000000000";

    [Theory]
    [InlineData("M", "9000000000000000", null, "start")]
    [InlineData("M", "9223372036854775807", null, "start")]
    [InlineData("W", "9223372036854775807", null, "start")]
    [InlineData("W", "-9223372036854775808", null, "start")]
    [InlineData("M", "-1", null, "start")]
    [InlineData("M", "1969-12-31T23:59:59Z", null, "start")]
    [InlineData("M", "0", "9223372036854775807", "end")]
    [InlineData("W", "0", "253402300800000", "end")]
    [InlineData("1", "0", "-9223372036854775808", "end")]
    public async Task QualityRejectsTheTimeNamingIt(string interval, string start, string? end, string field)
    {
        var query = $"/api/v1/marketdata/quality?symbol=BTCUSDT&interval={interval}&start={start}" + (end is null ? "" : $"&end={end}");

        await AssertValidationProblemAsync(await GetAsync(query), field);
    }

    [Theory]
    [InlineData("M")]
    [InlineData("W")]
    [InlineData("1")]
    public async Task QualityOfTheCalendarsLastBarsExpectsNothingYet(string interval)
    {
        using var response = await GetAsync(
            $"/api/v1/marketdata/quality?symbol=BTCUSDT&interval={interval}&start={InTheLastMonth}&end={LastMillisecond}");
        var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, report.GetProperty("expected").GetInt64());
        Assert.Empty(report.GetProperty("gaps").EnumerateArray());
    }

    [Theory]
    [InlineData("M")]
    [InlineData("W")]
    public async Task QualityFromTheEpochCountsEveryClosedBar(string interval)
    {
        using var response = await GetAsync($"/api/v1/marketdata/quality?symbol=UNSTOREDUSDT&interval={interval}&start=0");
        var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        // Every bar closed since the first one opening at or after the epoch: 1970-01-01 for months, Monday 1970-01-05 for weeks.
        var now = DateTimeOffset.UtcNow;
        var closed = interval == "M"
            ? (now.Year - 1970) * 12 + now.Month - 1
            : (now - DateTimeOffset.UnixEpoch.AddDays(4)).Ticks / TimeSpan.FromDays(7).Ticks;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(closed, report.GetProperty("expected").GetInt64());
        Assert.Equal(closed, report.GetProperty("missing").GetInt64());
        Assert.Equal(0, report.GetProperty("stored").GetInt64());
    }

    [Theory]
    [InlineData("9000000000000000", null, "start")]
    [InlineData("-5", null, "start")]
    [InlineData("0", "9223372036854775807", "end")]
    public async Task CandleReadsRejectTheTimeNamingIt(string start, string? end, string field)
    {
        var query = $"/internal/candles?symbol=BTCUSDT&interval=M&start={start}" + (end is null ? "" : $"&end={end}");

        await AssertValidationProblemAsync(await GetAsync(query), field);
    }

    [Fact]
    public async Task ACandleReadOfTheCalendarsLastMonthIsEmpty()
    {
        using var response = await GetAsync($"/internal/candles?symbol=BTCUSDT&interval=M&start={InTheLastMonth}&end={LastMillisecond}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("[]", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("start", "9000000000000000")]
    [InlineData("start", "-1")]
    [InlineData("end", "9223372036854775807")]
    public async Task PrimeRejectsTheTimeNamingIt(string field, string value)
    {
        var response = await PrimeJobsBackfillTheStore.PrimeAsync(factory.CreateClient(), ("symbol", "BTCUSDT"), ("intervals", "M,W"), (field, value));

        await AssertValidationProblemAsync(response, field, prime: true);
    }

    [Fact]
    public async Task PrimingMonthsFurtherBackThanTheEpochStartsAtTheEpoch()
    {
        factory.Bybit.SetListingTime("EPOCHUSDT", DateTimeOffset.UnixEpoch);

        using var response = await PrimeJobsBackfillTheStore.PrimeAsync(
            factory.CreateClient(), ("symbol", "EPOCHUSDT"), ("intervals", "M"), ("load_limit", "5000000"), ("wait", "1"));
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        using var klines = await GetAsync("/api/v1/marketdata/bybit/klines?symbol=EPOCHUSDT&interval=M&limit=1000");
        var stored = JsonDocument.Parse(await klines.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("completed", body.GetProperty("status").GetString());
        Assert.Equal(0, stored[stored.GetArrayLength() - 1].GetProperty("open_time").GetInt64());
    }

    [Fact]
    public async Task AnUploadOfTheCalendarsLastMonthsIngests()
    {
        var client = factory.CreateClient();
        var csv = "open_time,open,high,low,close\n9999-10-01T00:00:00Z,1,2,0.5,1.5\n9999-12-01T00:00:00Z,1,2,0.5,1.5\n"u8.ToArray();
        var id = await UploadRequests.UploadIdAsync(client, "last-months.csv", csv, "LASTUSDT", "M");

        var report = await UploadRequests.IngestOkAsync(client, id);

        Assert.Equal(2, report.GetProperty("inserted").GetInt32());
        Assert.Equal(253_397_030_400_000, report.GetProperty("gaps")[0].GetProperty("start").GetInt64());
    }

    private async Task<HttpResponseMessage> GetAsync(string path)
    {
        using var cancellation = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await factory.CreateClient(MarketDataFactory.InternalCaller).GetAsync(path, cancellation.Token);
    }

    /// <summary>A 400 naming only <paramref name="field"/>, with the message of a range read (<c>prime</c> words a bad start differently).</summary>
    private static async Task AssertValidationProblemAsync(HttpResponseMessage response, string field, bool prime = false)
    {
        using (response)
        {
            var message = (field, prime) switch
            {
                ("start", false) => $"start is required: epoch milliseconds or ISO-8601, {Span}.",
                ("start", true) => $"start must be epoch milliseconds or ISO-8601, {Span}.",
                _ => $"end must be epoch milliseconds or ISO-8601, {Span}.",
            };
            await Problems.AssertValidationAsync(response, field, message);
        }
    }
}
