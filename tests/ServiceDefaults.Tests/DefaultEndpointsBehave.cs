using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;

namespace Platform.ServiceDefaults.Tests;

public sealed partial class DefaultEndpointsBehave : IAsyncLifetime
{
    private WebApplication _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _app = await TestHost.StartAsync(new Dictionary<string, string?>(), _ => { });
        _client = _app.GetTestClient();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task MetricsAreValidPrometheusText()
    {
        await _client.GetAsync("/echo?count=3");

        using var response = await _client.GetAsync("/metrics");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        Assert.Contains("http_server_request_duration_seconds_bucket", text, StringComparison.Ordinal);
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.All(lines, line => Assert.Matches(ExpositionLine(), line));
        var typed = lines.Where(line => line.StartsWith("# TYPE ", StringComparison.Ordinal)).Select(line => line.Split(' ')[2]).ToList();
        Assert.Equal(typed.Count, typed.Distinct().Count());
    }

    [Fact]
    public async Task LiveAnswersWithoutDependencies()
    {
        using var response = await _client.GetAsync("/health/live");
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        Assert.Equal("self", body.GetProperty("checks")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task AnUnhandledErrorIsA500ProblemWithoutDetails()
    {
        using var response = await _client.GetAsync("/boom");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/echo", HttpStatusCode.BadRequest)]
    [InlineData("/echo?count=abc", HttpStatusCode.BadRequest)]
    [InlineData("/nowhere", HttpStatusCode.NotFound)]
    public async Task CallerErrorsAreProblemDetails(string path, HttpStatusCode expected)
    {
        using var response = await _client.GetAsync(path);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal((int)expected, body.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task TheOpenApiDocumentIsServed()
    {
        using var response = await _client.GetAsync("/openapi/v1.json");
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(body.GetProperty("paths").TryGetProperty("/echo", out _));
    }

    // A comment line (# HELP / # TYPE / # EOF) or a sample: name{labels} value [timestamp].
    [GeneratedRegex("""^(# (HELP|TYPE) [a-zA-Z_:][a-zA-Z0-9_:]* .*|# EOF|[a-zA-Z_:][a-zA-Z0-9_:]*(\{([a-zA-Z_][a-zA-Z0-9_]*="([^"\\]|\\.)*",?)*\})? [-+]?([0-9.eE+-]+|NaN|Inf|\+Inf|-Inf)( [0-9]+)?)$""")]
    private static partial Regex ExpositionLine();
}
