using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Testing;

namespace Platform.EndToEnd.Tests;

/// <summary>
/// Uploads past a limit, through the real gateway to the real market data service (docs/api-behaviour.md, 4.7): the
/// gateway's cap on the body, <c>Gateway:Limits:MaxUploadBodySize</c>, answers for a body declared or streamed past it;
/// the service's <c>Uploads:MaxBytes</c> answers for a file past it in a body within the cap. Bodies are zeros made as
/// they are sent.
/// </summary>
[Collection(PlatformFixture.Collection)]
public sealed class OversizeUploadsAreRefusedWithNothingStored(PlatformFixture platform)
{
    private const string UploadPath = "/api/v1/marketdata/upload";

    /// <summary>The defaults of <c>Gateway:Limits:MaxUploadBodySize</c> and of the service's <c>Uploads:MaxBytes</c>.</summary>
    private const long Cap = (100L << 20) + (64L << 10);
    private const long FileLimit = 100L << 20;

    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    /// <summary>
    /// With <c>Expect: 100-continue</c> the client waits for the gateway's word before the body: the 413 comes before a
    /// byte of it is sent. Without it, HttpClient would send on into a connection the gateway has closed.
    /// </summary>
    [Fact]
    public async Task ABodyDeclaredPastTheCapIsRefusedByTheGatewayBeforeItIsSent()
    {
        using var cancellation = new CancellationTokenSource(Timeout);
        var before = await UploadIdsAsync(cancellation.Token);
        using var request = new HttpRequestMessage(HttpMethod.Post, UploadPath) { Content = Form(fileLength: (110L << 20) + 1 - Framing, declared: true) };
        request.Headers.ExpectContinue = true;

        using var response = await platform.Gateway.SendAsync(request, cancellation.Token);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(cancellation.Token);

        Assert.Equal((110L << 20) + 1, request.Content.Headers.ContentLength);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"This route accepts at most {Cap} bytes.", problem.GetProperty("detail").GetString());
        Assert.True(response.Headers.ConnectionClose);
        Assert.Equal(before, await UploadIdsAsync(cancellation.Token));
    }

    [Fact]
    public async Task AChunkedBodyPastTheCapIsCutAtTheCapWith413AndTheConnectionClosed()
    {
        using var cancellation = new CancellationTokenSource(Timeout);
        var before = await UploadIdsAsync(cancellation.Token);
        using var form = Form(fileLength: 120L << 20, declared: false);

        var answer = await EarlyAnswerClient.PostChunkedAsync(platform.GatewayUrl, UploadPath, platform.ApiKey(), form, cancellation.Token);
        var problem = JsonDocument.Parse(answer.Body).RootElement;

        Assert.Equal((int)HttpStatusCode.RequestEntityTooLarge, answer.Status);
        Assert.Equal("application/problem+json", answer.Headers["Content-Type"]);
        Assert.Equal("close", answer.Headers["Connection"]);
        Assert.Equal($"This route accepts at most {Cap} bytes.", problem.GetProperty("detail").GetString());
        Assert.True(answer.BodyBytesSent > Cap, $"answered after {answer.BodyBytesSent} bytes");
        Assert.Equal(before, await UploadIdsAsync(cancellation.Token));
    }

    [Fact]
    public async Task AFilePastTheServicesLimitInABodyWithinTheCapIsRefusedByTheService()
    {
        using var cancellation = new CancellationTokenSource(Timeout);
        var before = await UploadIdsAsync(cancellation.Token);
        using var form = Form(fileLength: FileLimit + 1, declared: true);

        using var response = await platform.Gateway.PostAsync(UploadPath, form, cancellation.Token);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(cancellation.Token);

        Assert.InRange(form.Headers.ContentLength!.Value, FileLimit + 1, Cap);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("Upload too large", problem.GetProperty("title").GetString());
        Assert.Equal($"The file is larger than the {FileLimit} bytes an upload may hold.", problem.GetProperty("detail").GetString());
        Assert.Equal(before, await UploadIdsAsync(cancellation.Token));
    }

    /// <summary>The bytes the form adds around its file.</summary>
    private static long Framing
    {
        get
        {
            using var empty = Form(0, declared: true);
            return empty.Headers.ContentLength!.Value;
        }
    }

    /// <summary>
    /// An upload form of a file of <paramref name="fileLength"/> zeros; sent with a <c>Content-Length</c> when
    /// <paramref name="declared"/>, else chunked.
    /// </summary>
    private static MultipartFormDataContent Form(long fileLength, bool declared) => new()
    {
        { new StringContent("BTCUSDT"), "symbol" },
        { new StringContent("60"), "interval" },
        { new StreamContent(new ZeroStream(fileLength, declared)), "file", "zeros.csv" },
    };

    /// <summary>
    /// Every stored upload: chunks belong to an upload row (services/MarketData/Migrations/0002_uploads_and_prime_jobs.sql),
    /// so the same list before and after means nothing of a refused upload was kept.
    /// </summary>
    private async Task<List<string>> UploadIdsAsync(CancellationToken cancellationToken)
    {
        using var response = await platform.Gateway.GetAsync("/api/v1/marketdata/uploads", cancellationToken);
        var list = await GatewayCalls.ReadAsync(response, HttpStatusCode.OK);
        return [.. list.GetProperty("items").EnumerateArray().Select(upload => upload.GetProperty("upload_id").GetString()!)];
    }
}
