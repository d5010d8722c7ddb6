using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Platform.MarketData.Bybit;

namespace Platform.MarketData.Tests.Bybit;

/// <summary>
/// docs/bybit.md, 3.1-3.3: every answer that is not HTTP 200 with retCode 0 becomes one <see cref="BybitException"/> whose
/// kind, retryability and reset time decide what the pipeline does next. Each answer is handed straight to the handler, so
/// the classification is checked without the retries and waits around it.
/// </summary>
public sealed class BybitAnswersAreClassified : IDisposable
{
    private const string Path = "/v5/market/kline";
    private const string Symbol = "ABCUSDT";
    private static readonly DateTimeOffset Now = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly BybitResilienceOptions _options = new() { BanDuration = TimeSpan.FromMinutes(12) };
    private readonly MetricCollector<long> _requests;
    private readonly MetricCollector<long> _rateLimitHits;
    private readonly BybitCircuit _circuit;

    public BybitAnswersAreClassified()
    {
        var meters = _services.GetRequiredService<IMeterFactory>();
        _requests = new(meters, BybitMetrics.MeterName, "marketdata.bybit.requests");
        _rateLimitHits = new(meters, BybitMetrics.MeterName, "marketdata.bybit.rate_limit_hits");
        _circuit = new BybitCircuit(new FixedTime(Now), Options.Create(_options));
    }

    public void Dispose()
    {
        _requests.Dispose();
        _rateLimitHits.Dispose();
        _services.Dispose();
    }

    [Fact]
    public async Task ASuccessfulEnvelopePassesThroughWithItsBodyStillReadable()
    {
        const string body = """{"retCode":0,"retMsg":"OK","result":{"list":[]}}""";

        using var response = await SendAsync(Answer(HttpStatusCode.OK, body));

        Assert.Equal(body, await response.Content.ReadAsStringAsync());
        AssertOutcomes("ok");
        Assert.Empty(_rateLimitHits.GetMeasurementSnapshot());
    }

    [Fact]
    public async Task AForbiddenAnswerIsABanThatOpensTheCircuitForTheBanDuration()
    {
        var failure = await FailureAsync(Answer(HttpStatusCode.Forbidden, "<html>403 ERROR</html>", "text/html"));

        Assert.Equal(BybitErrorKind.Unavailable, failure.Kind);
        Assert.Equal(403, failure.HttpStatus);
        Assert.Equal(Symbol, failure.Symbol);
        Assert.False(failure.IsRetryable);
        Assert.Equal(_options.BanDuration, failure.RetryAfter);
        Assert.Equal(_options.BanDuration, _circuit.RetryAfter);
        AssertOutcomes("http_403");
        AssertRateLimitHits("http_403");
    }

    [Fact]
    public async Task TooManyRequestsIsRetryableAndCarriesTheResetTimestampWhenItLiesAhead()
    {
        var reset = Now.AddMilliseconds(1_500);
        var answer = Answer(HttpStatusCode.TooManyRequests, "");
        answer.Headers.Add("X-Bapi-Limit-Reset-Timestamp", reset.ToUnixTimeMilliseconds().ToString());
        answer.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(9));

        var failure = await FailureAsync(answer);

        Assert.Equal(BybitErrorKind.RateLimited, failure.Kind);
        Assert.Equal(429, failure.HttpStatus);
        Assert.True(failure.IsRetryable);
        Assert.Equal(reset, failure.ResetAt);
        Assert.Equal(TimeSpan.Zero, _circuit.RetryAfter);
        AssertOutcomes("http_429");
        AssertRateLimitHits("http_429");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public async Task AResetTimestampNotAheadFallsBackToRetryAfter(int millisecondsAhead)
    {
        var answer = Answer(HttpStatusCode.TooManyRequests, "");
        answer.Headers.Add("X-Bapi-Limit-Reset-Timestamp", Now.AddMilliseconds(millisecondsAhead).ToUnixTimeMilliseconds().ToString());
        answer.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(9));

        var failure = await FailureAsync(answer);

        Assert.Equal(Now.AddSeconds(9), failure.ResetAt);
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("-5")]
    [InlineData("999999999999999999")]
    public async Task AResetTimestampThatIsNoTimeFallsBackToRetryAfter(string header)
    {
        var answer = Answer(HttpStatusCode.TooManyRequests, "");
        answer.Headers.TryAddWithoutValidation("X-Bapi-Limit-Reset-Timestamp", header);
        answer.Headers.RetryAfter = new RetryConditionHeaderValue(Now.AddMinutes(2));

        var failure = await FailureAsync(answer);

        Assert.Equal(Now.AddMinutes(2), failure.ResetAt);
    }

    [Fact]
    public async Task WithoutEitherHeaderNoResetTimeIsClaimed()
    {
        var failure = await FailureAsync(Answer(HttpStatusCode.TooManyRequests, ""));

        Assert.Null(failure.ResetAt);
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError, "Upstream", true)]
    [InlineData(HttpStatusCode.BadGateway, "Upstream", true)]
    [InlineData(HttpStatusCode.ServiceUnavailable, "Upstream", true)]
    [InlineData(HttpStatusCode.BadRequest, "Rejected", false)]
    [InlineData(HttpStatusCode.NotFound, "Rejected", false)]
    [InlineData(HttpStatusCode.Redirect, "Rejected", false)]
    public async Task ServerErrorsAreRetriedAndOtherStatusesRejected(HttpStatusCode status, string kind, bool retryable)
    {
        var failure = await FailureAsync(Answer(status, "no"));

        Assert.Equal(kind, failure.Kind.ToString());
        Assert.Equal((int)status, failure.HttpStatus);
        Assert.Equal(retryable, failure.IsRetryable);
        Assert.Equal(!retryable, failure.IsPermanent);
        Assert.Equal($"Bybit answered HTTP {(int)status}", failure.Message);
        AssertOutcomes($"http_{(int)status}");
        Assert.Empty(_rateLimitHits.GetMeasurementSnapshot());
    }

    [Theory]
    [InlineData("<html>maintenance</html>")]
    [InlineData("")]
    public async Task AnOkThatIsNotJsonIsAnUpstreamFailure(string body)
    {
        var failure = await FailureAsync(Answer(HttpStatusCode.OK, body));

        Assert.Equal(BybitErrorKind.Upstream, failure.Kind);
        Assert.Equal("Bybit answered HTTP 200 with a body that is not JSON", failure.Message);
        Assert.False(failure.IsRetryable);
        AssertOutcomes("not_json");
    }

    [Theory]
    [InlineData("""{"retMsg":"OK"}""")]
    [InlineData("null")]
    public async Task AnOkWithoutARetCodeIsAnUpstreamFailure(string body)
    {
        var failure = await FailureAsync(Answer(HttpStatusCode.OK, body));

        Assert.Equal(BybitErrorKind.Upstream, failure.Kind);
        Assert.Equal("Bybit answered HTTP 200 without a retCode", failure.Message);
        AssertOutcomes("not_json");
    }

    [Theory]
    [InlineData(10001, "Not supported symbols", "UnknownSymbol", false)]
    [InlineData(10001, "symbol is not supported HUSDT", "UnknownSymbol", false)]
    [InlineData(10001, "params error: interval invalid", "Rejected", false)]
    [InlineData(10001, "not supported interval", "Rejected", false)]
    [InlineData(10001, null, "Rejected", false)]
    [InlineData(10029, "not whitelisted", "UnknownSymbol", false)]
    [InlineData(10017, "route not found", "Rejected", false)]
    [InlineData(10000, "server timeout", "Upstream", true)]
    [InlineData(10016, "server error", "Upstream", true)]
    [InlineData(429, "system busy", "Upstream", true)]
    [InlineData(10002, "request expired", "Upstream", false)]
    public async Task BusinessErrorsAreClassifiedByTheirCode(int retCode, string? retMsg, string kind, bool retryable)
    {
        var message = retMsg is null ? "null" : $"\"{retMsg}\"";
        var failure = await FailureAsync(Answer(HttpStatusCode.OK, $$"""{"retCode":{{retCode}},"retMsg":{{message}}}"""));

        Assert.Equal(kind, failure.Kind.ToString());
        Assert.Equal(retCode, failure.RetCode);
        Assert.Equal(retryable, failure.IsRetryable);
        Assert.Equal(Symbol, failure.Symbol);
        Assert.Null(failure.HttpStatus);
        Assert.Equal($"retCode {retCode}: {retMsg}", failure.Message);
        AssertOutcomes($"retcode_{retCode}");
        Assert.Empty(_rateLimitHits.GetMeasurementSnapshot());
    }

    [Theory]
    [InlineData(10006)]
    [InlineData(10018)]
    public async Task RateLimitRetCodesAreRetryableAndCountedAsRateLimitHits(int retCode)
    {
        var reset = Now.AddSeconds(3);
        var answer = Answer(HttpStatusCode.OK, $$"""{"retCode":{{retCode}},"retMsg":"Too many visits!"}""");
        answer.Headers.Add("X-Bapi-Limit-Reset-Timestamp", reset.ToUnixTimeMilliseconds().ToString());

        var failure = await FailureAsync(answer);

        Assert.Equal(BybitErrorKind.RateLimited, failure.Kind);
        Assert.True(failure.IsRetryable);
        Assert.Equal(reset, failure.ResetAt);
        AssertOutcomes($"retcode_{retCode}");
        AssertRateLimitHits($"retcode_{retCode}");
    }

    [Fact]
    public async Task ANetworkFailureIsCountedAndPassedOnUnchanged()
    {
        var refused = new HttpRequestException("Connection refused");

        var thrown = await Assert.ThrowsAsync<HttpRequestException>(() => SendAsync(_ => throw refused));

        Assert.Same(refused, thrown);
        AssertOutcomes("error");
    }

    private void AssertOutcomes(params string[] outcomes)
    {
        var measurements = _requests.GetMeasurementSnapshot();
        Assert.Equal(outcomes, measurements.Select(m => (string)m.Tags["outcome"]!).Order());
        Assert.All(measurements, m => Assert.Equal(Path, m.Tags["endpoint"]));
        Assert.All(measurements, m => Assert.Equal(1, m.Value));
    }

    private void AssertRateLimitHits(string answer)
    {
        var hit = Assert.Single(_rateLimitHits.GetMeasurementSnapshot());
        Assert.Equal(answer, hit.Tags["answer"]);
    }

    private async Task<BybitException> FailureAsync(HttpResponseMessage answer) =>
        await Assert.ThrowsAsync<BybitException>(() => SendAsync(answer));

    private Task<HttpResponseMessage> SendAsync(HttpResponseMessage answer) => SendAsync(_ => answer);

    private async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage, HttpResponseMessage> answer)
    {
        var handler = new BybitResponseHandler(
            _circuit, new BybitMetrics(_services.GetRequiredService<IMeterFactory>()), new FixedTime(Now), Options.Create(_options),
            NullLogger<BybitResponseHandler>.Instance)
        {
            InnerHandler = new AnsweringHandler(answer),
        };
        using var invoker = new HttpMessageInvoker(handler);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"https://api.bybit.com{Path}?category=linear&symbol={Symbol}");
        request.Options.Set(BybitResponseHandler.SymbolOption, Symbol);
        return await invoker.SendAsync(request, CancellationToken.None);
    }

    private static HttpResponseMessage Answer(HttpStatusCode status, string body, string mediaType = "application/json") =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, mediaType) };

    private sealed class AnsweringHandler(Func<HttpRequestMessage, HttpResponseMessage> answer) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(answer(request));
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
