using System.Net;
using System.Text.Json;
using Platform.AppHost.Running;
using Platform.Testing;

namespace Platform.AppHost.Tests.Dashboard;

public sealed class DashboardServesItsApiBehindTheLoginToken(DashboardFixture dashboard) : IClassFixture<DashboardFixture>
{
    [Fact]
    public async Task EveryRouteAnswers401WithoutTheCookie()
    {
        using var cancellation = new CancellationTokenSource(DashboardFixture.Timeout);
        using var client = dashboard.AnonymousClient(new CookieContainer());
        foreach (var path in new[] { "/", "/api/resources", "/api/events", "/api/resources/backtests/logs", "/login?t=wrong" })
        {
            using var response = await client.GetAsync(path, cancellation.Token);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
    }

    [Fact]
    public async Task LoginSetsAnHttpOnlyCookie()
    {
        using var cancellation = new CancellationTokenSource(DashboardFixture.Timeout);
        var cookies = new CookieContainer();
        using var client = dashboard.AnonymousClient(cookies);
        using var response = await client.GetAsync(dashboard.Server.LoginUrl, cancellation.Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cookie = Assert.Single(cookies.GetCookies(new Uri(dashboard.Server.Url)));
        Assert.True(cookie.HttpOnly);
    }

    [Fact]
    public async Task ThePageHoldsTheResourceTable()
    {
        using var cancellation = new CancellationTokenSource(DashboardFixture.Timeout);
        using var client = await dashboard.LoggedInClientAsync(cancellation.Token);
        var html = await client.GetStringAsync("/", cancellation.Token);
        Assert.Contains("<table id=\"resources\">", html);
        Assert.Contains("new EventSource('/api/events')", html);
        Assert.DoesNotContain("<script src=", html);
    }

    [Fact]
    public async Task ResourcesListEveryResourceWithStateAndPid()
    {
        using var cancellation = new CancellationTokenSource(DashboardFixture.Timeout);
        using var client = await dashboard.LoggedInClientAsync(cancellation.Token);
        var resources = JsonDocument.Parse(await client.GetStringAsync("/api/resources", cancellation.Token)).RootElement;
        Assert.Equal(["postgres", "backtestsdb", "cache", "backtests"], resources.EnumerateArray().Select(r => r.GetProperty("name").GetString()));
        var backtests = resources[3];
        Assert.Equal(103, backtests.GetProperty("pid").GetInt32());
        Assert.Equal(["backtestsdb", "cache"], backtests.GetProperty("references").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("http://localhost:8080/docs", backtests.GetProperty("docs").GetString());
        Assert.All(resources.EnumerateArray(), r => Assert.False(string.IsNullOrEmpty(r.GetProperty("state").GetString())));
    }

    [Theory]
    [InlineData("?level=warn", "warn: Platform.Backtests.Worker[0]|      Lease lost on backtest 42")]
    [InlineData("?search=claimed", "      Claimed backtest 42")]
    [InlineData("?level=info&search=lease", "")]
    public async Task LogsFilterByLevelAndSearch(string query, string expected)
    {
        using var cancellation = new CancellationTokenSource(DashboardFixture.Timeout);
        using var client = await dashboard.LoggedInClientAsync(cancellation.Token);
        var lines = JsonDocument.Parse(await client.GetStringAsync("/api/resources/backtests/logs" + query, cancellation.Token)).RootElement;
        Assert.Equal(expected, string.Join('|', lines.EnumerateArray().Select(line => line.GetProperty("text").GetString())));
    }

    [Fact]
    public async Task EventsStreamResourceSnapshots()
    {
        using var cancellation = new CancellationTokenSource(DashboardFixture.Timeout);
        using var client = await dashboard.LoggedInClientAsync(cancellation.Token);
        using var response = await client.GetAsync("/api/events", HttpCompletionOption.ResponseHeadersRead, cancellation.Token);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellation.Token));
        string? line;
        do
        {
            line = await reader.ReadLineAsync(cancellation.Token);
        }
        while (line is not null && !line.StartsWith("data: ", StringComparison.Ordinal));
        var snapshot = JsonDocument.Parse(line!["data: ".Length..]).RootElement;
        Assert.Equal(4, snapshot.GetArrayLength());
    }

    [Fact]
    public async Task RestartChangesTheStateAndUnknownResourcesAreNotFound()
    {
        using var cancellation = new CancellationTokenSource(DashboardFixture.Timeout);
        using var client = await dashboard.LoggedInClientAsync(cancellation.Token);
        using var restart = await client.PostAsync("/api/resources/backtests/restart", null, cancellation.Token);
        Assert.Equal(HttpStatusCode.Accepted, restart.StatusCode);
        await Eventually.ReturnsAsync(
            async () => JsonDocument.Parse(await client.GetStringAsync("/api/resources", cancellation.Token)).RootElement[3].GetProperty("state").GetString(),
            state => state == "restarting", DashboardFixture.Timeout, "backtests restarting");
        using var unknown = await client.PostAsync("/api/resources/nothing/stop", null, cancellation.Token);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        dashboard.Resources[3].State = ResourceState.Healthy;
    }
}
