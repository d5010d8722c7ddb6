using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using OpenQA.Selenium;
using Platform.ServiceDefaults;
using Platform.Testing;

namespace Platform.EndToEnd.Tests.Dashboard;

/// <summary>Aspire's dashboard in headless Chromium, logged in with the token the AppHost prints.</summary>
[Collection(PlatformFixture.Collection)]
public sealed class TheDashboardShowsThePlatform(PlatformFixture platform)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    /// <summary>The one-shot resource that initialised the fresh data directory; it has finished, not failed.</summary>
    private const string Init = $"{ResourceNames.Postgres}-init";

    [Fact]
    public async Task EveryResourceIsRunningAndHealthyAfterLogin()
    {
        using var chromium = new HeadlessChromium();
        var page = chromium.Page;

        await page.Navigate().GoToUrlAsync(platform.DashboardLoginUrl.ToString());
        var shown = await Eventually.ReturnsAsync(
            () => Task.FromResult(Resources(page)),
            rows => rows.Count == platform.ResourceNames().Count
                && rows.All(row => row.Key == Init ? row.Value.State == "Finished" : row.Value.Healthy),
            Timeout, "every resource shown running and healthy");
        var screenshot = Path.Combine(AppContext.BaseDirectory, "dashboard.png");
        page.GetScreenshot().SaveAsFile(screenshot);

        Assert.Equal(platform.ResourceNames().Order(), shown.Keys.Order());
        Assert.All(shown.Where(row => row.Key != Init), row => Assert.Equal("Running", row.Value.State));
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], File.ReadAllBytes(screenshot)[..4]);
    }

    [Fact]
    public async Task AServicesConsoleLogsAreShown()
    {
        using var chromium = new HeadlessChromium();
        var page = chromium.Page;
        await page.Navigate().GoToUrlAsync(platform.DashboardLoginUrl.ToString());

        await page.Navigate().GoToUrlAsync(new Uri(platform.DashboardLoginUrl, $"/consolelogs/resource/{ResourceNames.MarketData}").ToString());
        var lines = await Eventually.ReturnsAsync(
            () => Task.FromResult(Texts(page, By.CssSelector(".log-content"))),
            shown => shown.Any(line => line.Contains("Now listening on", StringComparison.Ordinal)),
            Timeout, "marketdata's console logs");

        Assert.Contains(lines, line => line.Contains("Database marketdatadb is current", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ABacktestRequestIsOneTraceFromTheGatewayThroughBacktestsToMarketData()
    {
        var strategyId = await platform.Api.CreateStrategyAsync("traced");
        var traceId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/backtests/mtf")
        {
            Content = JsonContent.Create(new JsonObject
            {
                ["strategy_id"] = strategyId,
                ["symbol"] = "SOLUSDT",
                ["timeframe"] = "60",
                ["start_date"] = "2024-03-01T00:00:00Z",
                ["end_date"] = "2024-03-05T00:00:00Z",
                ["initial_capital"] = 10_000,
                ["additional_timeframes"] = new JsonArray("240"),
            }),
        };
        request.Headers.Add("traceparent", $"00-{traceId}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}-01");
        using var response = await platform.Gateway.SendAsync(request);
        await GatewayCalls.ReadAsync(response, HttpStatusCode.OK);

        using var chromium = new HeadlessChromium();
        var page = chromium.Page;
        await page.Navigate().GoToUrlAsync(platform.DashboardLoginUrl.ToString());
        var spans = await Eventually.ReturnsAsync(
            async () =>
            {
                await page.Navigate().GoToUrlAsync(new Uri(platform.DashboardLoginUrl, $"/traces/detail/{traceId}").ToString());
                return await Eventually.ReturnsAsync(
                    () => Task.FromResult(Titles(page)), titles => titles.Count > 0, TimeSpan.FromSeconds(10), "the trace's spans");
            },
            titles => titles.Any(title => title.StartsWith($"{ResourceNames.MarketData}: GET /internal/candles", StringComparison.Ordinal)),
            Timeout, "the trace to reach marketdata");

        Assert.Contains(spans, title => title.StartsWith($"{ResourceNames.Gateway}: POST /api/v1/backtests", StringComparison.Ordinal));
        Assert.Contains(spans, title => title.StartsWith($"{ResourceNames.Backtests}: POST /api/v1/backtests/mtf", StringComparison.Ordinal));
    }

    private sealed record ResourceRow(string State, bool Healthy)
    {
        public override string ToString() => $"{State}{(Healthy ? "" : " (not healthy)")}";
    }

    /// <summary>The grid's rows by resource name, printed as such when a wait times out.</summary>
    private sealed class ResourceGrid : Dictionary<string, ResourceRow>
    {
        public override string ToString() => string.Join(", ", this.Select(row => $"{row.Key}: {row.Value}"));
    }

    /// <summary>The resources grid: each row's state and whether its state icon says all is well.</summary>
    private static ResourceGrid Resources(IWebDriver page)
    {
        try
        {
            var grid = new ResourceGrid();
            foreach (var row in page.FindElements(By.CssSelector("tr.resource-row")))
            {
                var state = row.FindElement(By.CssSelector("td[col-index='2']"));
                var icon = state.FindElement(By.CssSelector("svg.severity-icon")).GetDomAttribute("style") ?? "";
                grid[row.FindElement(By.CssSelector(".resource-name-text")).Text] =
                    new ResourceRow(state.FindElement(By.CssSelector("span")).Text.Trim(), icon.Contains("--success", StringComparison.Ordinal));
            }
            return grid;
        }
        catch (Exception exception) when (exception is StaleElementReferenceException or NoSuchElementException)
        {
            // The grid was re-rendered from a newer update while it was read; the next poll sees the new one.
            return [];
        }
    }

    /// <summary>The span rows of a trace's detail page, each titled "resource: span name".</summary>
    private static List<string> Titles(IWebDriver page) =>
        [.. Texts(page, By.CssSelector("tr td[col-index='1']"), element => element.GetDomAttribute("title") ?? "").Where(title => title.Contains(": ", StringComparison.Ordinal))];

    private static List<string> Texts(IWebDriver page, By selector, Func<IWebElement, string>? read = null)
    {
        try
        {
            return [.. page.FindElements(selector).Select(read ?? (element => element.Text))];
        }
        catch (StaleElementReferenceException)
        {
            return [];
        }
    }
}
