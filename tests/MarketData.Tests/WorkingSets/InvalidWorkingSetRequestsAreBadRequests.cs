using System.Net;

namespace Platform.MarketData.Tests.WorkingSets;

public sealed class InvalidWorkingSetRequestsAreBadRequests(MarketDataFactory factory) : IClassFixture<MarketDataFactory>
{
    private const string Api = "/api/v1/marketdata/bybit";
    private const string UnknownSeven = "unknown interval '7'; Bybit has 1, 3, 5, 15, 30, 60, 120, 240, 360, 720, D, W and M (or 15m, 4h, 1d, 1w, 1M).";

    private readonly CancellationToken _timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;

    [Theory]
    [InlineData("/klines/working", "symbol", "symbol is required.")]
    [InlineData("/klines/working?symbol=BTC-USDT", "symbol", "symbol must be 1 to 32 letters or digits.")]
    [InlineData("/klines/working?symbol=BTCUSDT&interval=7", "interval", UnknownSeven)]
    [InlineData("/klines/working?symbol=BTCUSDT&load_limit=99", "load_limit", "load_limit must be between 100 and 1000.")]
    [InlineData("/klines/working?symbol=BTCUSDT&load_limit=1001", "load_limit", "load_limit must be between 100 and 1000.")]
    [InlineData("/mtf?symbol=BTCUSDT&intervals=,", "intervals", "intervals is empty")]
    [InlineData("/mtf?symbol=BTCUSDT&intervals=%20,%20", "intervals", "intervals is empty")]
    [InlineData("/mtf?symbol=BTCUSDT&intervals=1,7,60", "intervals", "unknown interval '7'.")]
    [InlineData("/mtf?symbol=BTCUSDT&intervals=1,15&base=5", "base", "base 5 is not one of the intervals.")]
    [InlineData("/mtf?symbol=BTCUSDT&intervals=1,15&base=2h", "base", "base 120 is not one of the intervals.")]
    [InlineData("/mtf?symbol=BTCUSDT&intervals=1,15&base=7", "base", UnknownSeven)]
    [InlineData("/mtf?symbol=BTCUSDT&intervals=1,15&base=15", "intervals", "1 is shorter than the base 15.")]
    [InlineData("/mtf?symbol=BTCUSDT&intervals=3,5", "intervals", "5 is not a whole number of 3 bars, so it cannot be aggregated from the base 3.")]
    [InlineData(
        "/mtf?symbol=BTCUSDT&intervals=60,W,M&base=W",
        "intervals",
        "60 is shorter than the base W.",
        "M is not a whole number of W bars, so it cannot be aggregated from the base W.")]
    [InlineData("/mtf?symbol=BTCUSDT&load_limit=5000", "load_limit", "load_limit must be between 100 and 1000.")]
    public async Task QueriesAnswerAValidationProblemNamingTheField(string path, string field, params string[] messages)
    {
        using var response = await factory.CreateClient().GetAsync(Api + path, _timeout);

        await Problems.AssertValidationAsync(response, field, messages);
    }

    [Theory]
    [InlineData("intervals=1", "symbol", "symbol is required.")]
    [InlineData("symbol=BTCUSDT&intervals=,", "intervals", "intervals is empty")]
    [InlineData("symbol=BTCUSDT&intervals=1,2", "intervals", "unknown interval '2'.")]
    [InlineData("symbol=BTCUSDT&load_limit=50", "load_limit", "load_limit must be between 100 and 1000.")]
    public async Task ResetFormsAnswerAValidationProblemNamingTheField(string form, string field, string message)
    {
        using var content = new StringContent(form, System.Text.Encoding.UTF8, "application/x-www-form-urlencoded");

        using var response = await factory.CreateClient().PostAsync($"{Api}/reset", content, _timeout);

        await Problems.AssertValidationAsync(response, field, message);
    }

    [Fact]
    public async Task AResetFieldThatIsNotANumberIsABadRequestNamingIt()
    {
        using var content = new FormUrlEncodedContent([new("symbol", "BTCUSDT"), new("reload", "yes")]);

        using var response = await factory.CreateClient().PostAsync($"{Api}/reset", content, _timeout);
        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest);

        Assert.Equal("Failed to bind parameter \"int Reload\" from \"yes\".", problem.GetProperty("detail").GetString());
    }
}
