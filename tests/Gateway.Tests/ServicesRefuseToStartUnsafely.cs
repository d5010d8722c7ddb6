using System.Net;
using Microsoft.Extensions.Hosting;
using Platform.Testing;

namespace Platform.Gateway.Tests;

/// <summary>A service without a usable secret, with a placeholder secret, or with the development switch elsewhere, does not start.</summary>
public sealed class ServicesRefuseToStartUnsafely
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("too-short")]
    public async Task AServiceWithoutAUsableSecretDoesNotStart(string? secret)
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => SignedCallsPassARealService.StartServiceAsync(secret, Environments.Production));

        Assert.Contains(SignedIdentity.SecretKey, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AServiceWithAPlaceholderSecretDoesNotStartAndNamesTheSettingNotItsValue()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => SignedCallsPassARealService.StartServiceAsync(
            TestGateway.IdentitySecret, Environments.Production, ("ConnectionStrings:backtestsdb", "Host=db;Password=replace-me")));

        Assert.Contains("ConnectionStrings:backtestsdb", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Host=db", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public async Task TheDevelopmentSwitchIsRefusedOutsideDevelopment(string environment)
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => SignedCallsPassARealService.StartServiceAsync(
            null, environment, (IdentitySettings.DisableKey, "true")));

        Assert.Contains(IdentitySettings.DisableKey, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheDevelopmentSwitchLetsUnsignedCallsThroughInDevelopmentOnly()
    {
        var logs = new CapturedLogs();
        var (app, url) = await SignedCallsPassARealService.StartServiceAsync(null, Environments.Development, logs, (IdentitySettings.DisableKey, "true"));
        await using var _ = app;
        using var client = new HttpClient { BaseAddress = new Uri(url) };

        using var response = await client.GetAsync("/api/v1/backtests/7", TestContext.Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("developer as reader,trader,worker,admin", await response.Content.ReadAsStringAsync(TestContext.Token));
        Assert.Contains(logs.Entries, entry => entry.Level == Microsoft.Extensions.Logging.LogLevel.Warning
            && entry.Message.Contains(IdentitySettings.DisableKey, StringComparison.Ordinal) && entry.Message.Contains("unsigned calls", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WithoutTheSwitchNothingIsSaidAndUnsignedCallsAreRefused()
    {
        var logs = new CapturedLogs();
        var (app, url) = await SignedCallsPassARealService.StartServiceAsync(TestGateway.IdentitySecret, Environments.Development, logs);
        await using var _ = app;
        using var client = new HttpClient { BaseAddress = new Uri(url) };

        using var response = await client.GetAsync("/api/v1/backtests/7", TestContext.Token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain(logs.Entries, entry => entry.Message.Contains(IdentitySettings.DisableKey, StringComparison.Ordinal));
    }
}
