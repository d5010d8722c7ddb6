using OpenQA.Selenium;
using Platform.Testing.LocalServers;
using Platform.AppHost.Running;
using Platform.ServiceDefaults;
using Platform.Testing;

namespace Platform.EndToEnd.Tests.Dashboard;

[Collection(PlatformFixture.Collection)]
public sealed class TheDashboardWorksInABrowser(PlatformFixture platform)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);


    [Fact]
    public async Task ItShowsEveryResourceHealthyAndRestartsStopsAndStartsAServiceFromItsButtons()
    {
        await platform.WaitUntilAllHealthyAsync();
        using var chromium = new HeadlessChromium();
        var page = chromium.Page;
        var health = platform.Status(ResourceNames.Health);
        var (pidBefore, restartsBefore) = (health.ProcessId, health.Restarts);

        await page.Navigate().GoToUrlAsync(platform.Orchestrator.DashboardLoginUrl!);
        var shown = await Eventually.ReturnsAsync(
            () => Task.FromResult(States(page)), states => states.Count == platform.Orchestrator.Statuses.Count && states.Values.All(state => state == "healthy"),
            Timeout, "every resource shown healthy");
        await Eventually.ReturnsAsync(() => Task.FromResult(TryClick(page, Button("restart"))), clicked => clicked, Timeout, "a click on restart");
        var restarting = await Eventually.ReturnsAsync(
            () => Task.FromResult(States(page).GetValueOrDefault(ResourceNames.Health)),
            state => state is "restarting" or "starting" or "unhealthy", Timeout, "health shown restarting");
        await Eventually.ReturnsAsync(
            () => Task.FromResult((States(page).GetValueOrDefault(ResourceNames.Health), Cell(page, ResourceNames.Health, 5))),
            now => now.Item1 == "healthy" && now.Item2 == (restartsBefore + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
            Timeout, "health shown healthy again with one more restart");
        var restartedPid = health.ProcessId;

        await Eventually.ReturnsAsync(() => Task.FromResult(TryClick(page, Button("stop"))), clicked => clicked, Timeout, "a click on stop");
        var stopped = await Eventually.ReturnsAsync(
            () => Task.FromResult((States(page).GetValueOrDefault(ResourceNames.Health), Cell(page, ResourceNames.Health, 6))),
            now => now.Item1 == "stopped", Timeout, "health shown stopped");
        var exitedWhileStopped = !ServerProcess.IsAlive(restartedPid!.Value);
        await Eventually.ReturnsAsync(() => Task.FromResult(TryClick(page, Button("start"))), clicked => clicked, Timeout, "a click on start");
        await Eventually.ReturnsAsync(
            () => Task.FromResult(States(page).GetValueOrDefault(ResourceNames.Health)), state => state == "healthy", Timeout, "health shown healthy after start");

        await Eventually.ReturnsAsync(
            () => Task.FromResult(TryClick(page, By.XPath($"//tr[@data-resource='{ResourceNames.MarketData}']//a[text()='{ResourceNames.MarketData}']"))),
            clicked => clicked, Timeout, "a click on marketdata's logs");
        page.FindElement(By.XPath("//select[@id='level']/option[text()='info']")).Click();
        page.FindElement(By.Id("search")).SendKeys("listening");
        var logs = await Eventually.ReturnsAsync(
            () => Task.FromResult(string.Join("\n", LogLines(page))), text => text.Length > 0 && text.Split("\n").All(line => line.Contains("listening", StringComparison.OrdinalIgnoreCase)),
            Timeout, "marketdata's log filtered to info lines about listening");
        var figures = await Eventually.ReturnsAsync(
            () => Task.FromResult(Cell(page, ResourceNames.Backtests, 9) ?? ""),
            text => text.Contains("ready: yes", StringComparison.Ordinal) && text.Contains("jobs_queue_waiting", StringComparison.Ordinal),
            Timeout, "backtests' readiness and queue length among its figures");
        var screenshot = Path.Combine(AppContext.BaseDirectory, "dashboard.png");
        page.GetScreenshot().SaveAsFile(screenshot);

        Assert.Equal(platform.Orchestrator.Statuses.Select(status => status.Name).Order(), shown.Keys.Order());
        Assert.NotNull(restarting);
        Assert.NotEqual(pidBefore, restartedPid);
        Assert.Equal("-", stopped.Item2);
        Assert.True(exitedWhileStopped, "the process ended while health was stopped");
        Assert.NotEqual(restartedPid, health.ProcessId);
        Assert.Equal(health.ProcessId?.ToString(System.Globalization.CultureInfo.InvariantCulture), Cell(page, ResourceNames.Health, 6));
        Assert.Equal(ResourceState.Healthy, health.State);
        Assert.Equal(ResourceNames.MarketData, page.FindElement(By.Id("logname")).Text);
        Assert.Contains("p95", figures, StringComparison.Ordinal);
        Assert.Contains(logs.Split("\n"), line => line.Contains(platform.Status(ResourceNames.MarketData).Url!, StringComparison.Ordinal));
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], File.ReadAllBytes(screenshot)[..4]);
    }

    private static By Button(string action) => By.XPath($"//tr[@data-resource='{ResourceNames.Health}']//button[text()='{action}']");

    /// <summary>Clicks the element unless the table was re-rendered between finding and clicking it.</summary>
    private static bool TryClick(IWebDriver page, By element)
    {
        try
        {
            page.FindElement(element).Click();
            return true;
        }
        catch (StaleElementReferenceException)
        {
            return false;
        }
    }

    /// <summary>The state column of every row, by resource name.</summary>
    private static Dictionary<string, string> States(IWebDriver page)
    {
        try
        {
            return page.FindElements(By.CssSelector("#resources tbody tr"))
                .ToDictionary(row => row.GetDomAttribute("data-resource") ?? "", row => row.FindElement(By.CssSelector("td.state")).Text);
        }
        catch (StaleElementReferenceException)
        {
            // The table was re-rendered from a newer event while it was being read; the next poll sees the new one.
            return [];
        }
    }

    private static List<string> LogLines(IWebDriver page)
    {
        try
        {
            return [.. page.FindElements(By.CssSelector("#lines div")).Select(line => line.Text)];
        }
        catch (StaleElementReferenceException)
        {
            return [];
        }
    }

    /// <summary>The text of the <paramref name="column"/>th cell (1-based) of a resource's row.</summary>
    private static string? Cell(IWebDriver page, string resource, int column)
    {
        try
        {
            return page.FindElement(By.CssSelector($"tr[data-resource='{resource}'] td:nth-child({column})")).Text;
        }
        catch (Exception exception) when (exception is StaleElementReferenceException or NoSuchElementException)
        {
            return null;
        }
    }
}
