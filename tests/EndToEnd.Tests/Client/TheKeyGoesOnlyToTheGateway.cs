using System.Net;
using Platform.Client;

namespace Platform.EndToEnd.Tests.Client;

/// <summary>The typed client sends the API key to the gateway's host, and to no other host a request is pointed at.</summary>
public sealed class TheKeyGoesOnlyToTheGateway
{
    [Fact]
    public async Task ARequestElsewhereLeavesTheKeyOut()
    {
        var handler = new RecordingHandler();
        using var http = new HttpClient(handler) { BaseAddress = new Uri("http://gateway.test") };
        var api = new PlatformClient(http, "key-of-the-test");

        await api.Backtests.Api.V1.Backtests[7].GetAsync();
        await api.Backtests.Api.V1.Backtests[7].WithUrl("http://elsewhere.test/api/v1/backtests/7").GetAsync();

        Assert.Equal(
            [("gateway.test", "key-of-the-test"), ("elsewhere.test", null)],
            handler.Requests);
    }

    private sealed class RecordingHandler : HttpMessageHandler
    {
        public List<(string Host, string? Key)> Requests { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add((request.RequestUri!.Host, request.Headers.TryGetValues(PlatformClient.ApiKeyHeader, out var keys) ? keys.Single() : null));
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("""{"id": 7}""", System.Text.Encoding.UTF8, "application/json") });
        }
    }
}
