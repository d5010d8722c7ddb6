using System.Net;
using System.Text.Json;

namespace Platform.MarketData.Tests.WorkingSets;

public sealed class InvalidWorkingSetRequestsAreBadRequests(MarketDataFactory factory) : IClassFixture<MarketDataFactory>
{
    private const string Api = "/api/v1/marketdata/bybit";

    private readonly CancellationToken _timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;

    [Theory]
    [InlineData("/klines/working", "symbol", "symbol is required.")]
    [InlineData("/klines/working?symbol=BTC-USDT", "symbol", "letters or digits")]
    [InlineData("/klines/working?symbol=BTCUSDT&interval=7", "interval", "unknown interval '7';")]
    [InlineData("/klines/working?symbol=BTCUSDT&load_limit=99", "load_limit", "between 100 and 1000")]
    [InlineData("/klines/working?symbol=BTCUSDT&load_limit=1001", "load_limit", "between 100 and 1000")]
    [InlineData("/mtf?symbol=BTCUSDT&intervals=,", "intervals", "intervals is empty")]
    [InlineData("/mtf?symbol=BTCUSDT&intervals=%20,%20", "intervals", "intervals is empty")]
    [InlineData("/mtf?symbol=BTCUSDT&intervals=1,7,60", "intervals", "unknown interval '7'.")]
    [InlineData("/mtf?symbol=BTCUSDT&intervals=1,15&base=5", "base", "base 5 is not one of the intervals.")]
    [InlineData("/mtf?symbol=BTCUSDT&intervals=1,15&base=2h", "base", "base 120 is not one of the intervals.")]
    [InlineData("/mtf?symbol=BTCUSDT&intervals=1,15&base=7", "base", "unknown interval '7';")]
    [InlineData("/mtf?symbol=BTCUSDT&intervals=1,15&base=15", "intervals", "1 is shorter than the base 15.")]
    [InlineData("/mtf?symbol=BTCUSDT&intervals=3,5", "intervals", "5 is not a whole number of 3 bars")]
    [InlineData("/mtf?symbol=BTCUSDT&intervals=60,W,M&base=W", "intervals", "M is not a whole number of W bars")]
    [InlineData("/mtf?symbol=BTCUSDT&load_limit=5000", "load_limit", "between 100 and 1000")]
    public async Task QueriesAnswerAValidationProblemNamingTheField(string path, string field, string message)
    {
        using var response = await factory.CreateClient().GetAsync(Api + path, _timeout);

        await AssertValidationProblemAsync(response, field, message);
    }

    [Theory]
    [InlineData("intervals=1", "symbol", "symbol is required.")]
    [InlineData("symbol=BTCUSDT&intervals=,", "intervals", "intervals is empty")]
    [InlineData("symbol=BTCUSDT&intervals=1,2", "intervals", "unknown interval '2'.")]
    [InlineData("symbol=BTCUSDT&load_limit=50", "load_limit", "between 100 and 1000")]
    public async Task ResetFormsAnswerAValidationProblemNamingTheField(string form, string field, string message)
    {
        using var content = new StringContent(form, System.Text.Encoding.UTF8, "application/x-www-form-urlencoded");

        using var response = await factory.CreateClient().PostAsync($"{Api}/reset", content, _timeout);

        await AssertValidationProblemAsync(response, field, message);
    }

    [Fact]
    public async Task AResetFieldThatIsNotANumberIsABadRequestProblem()
    {
        using var content = new FormUrlEncodedContent([new("symbol", "BTCUSDT"), new("reload", "yes")]);

        using var response = await factory.CreateClient().PostAsync($"{Api}/reset", content, _timeout);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private async Task AssertValidationProblemAsync(HttpResponseMessage response, string field, string message)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(_timeout)).RootElement;
        var messages = problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(item => item.GetString());
        Assert.Contains(messages, text => text!.Contains(message, StringComparison.Ordinal));
    }
}
