using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace Platform.EndToEnd.Tests.Dashboard;

/// <summary>
/// Debian's Chromium driven through Debian's chromedriver (packages <c>chromium</c> and <c>chromium-driver</c>), headless,
/// with a throwaway profile and without the background connections a closed network refuses.
/// </summary>
internal sealed class HeadlessChromium : IDisposable
{
    private const string Browser = "/usr/bin/chromium";
    private const string Driver = "/usr/bin/chromedriver";

    private readonly DirectoryInfo _profile = Directory.CreateTempSubdirectory("platform-chromium-");

    public HeadlessChromium()
    {
        if (!File.Exists(Browser) || !File.Exists(Driver))
        {
            throw new InvalidOperationException($"{Browser} and {Driver} are needed (scripts/prerequisites.sh installs them).");
        }
        var options = new ChromeOptions { BinaryLocation = Browser };
        options.AddArguments(
            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=1600,1000",
            $"--user-data-dir={_profile.FullName}");
        var service = ChromeDriverService.CreateDefaultService(Driver);
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        Page = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
    }

    public ChromeDriver Page { get; }

    public void Dispose()
    {
        Page.Quit();
        Page.Dispose();
        _profile.Delete(recursive: true);
    }
}
