using Platform.Testing;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Platform.MarketData.Tests;

public sealed class SqlCommandsStayOutOfTheLog(MarketDataFactory factory) : IClassFixture<MarketDataFactory>
{
    private const string CommandCategory = "Npgsql.Command";
    private const string StoredKlines = "/api/v1/marketdata/bybit/klines?symbol=BTCUSDT";

    [Fact]
    public async Task AQueryWritesNoCommandLineAtInformation()
    {
        var logs = new CapturedLogs();
        await using var service = WithLogs(logs);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        using var response = await service.CreateClient(Caller.Admin).GetAsync(StoredKlines, cancellation.Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(logs.Entries, entry => entry.Category == CommandCategory && entry.Level <= LogLevel.Information);
    }

    [Fact]
    public async Task ConfigurationTurnsTheCommandLogBackOn()
    {
        var logs = new CapturedLogs();
        await using var service = WithLogs(logs, ($"Logging:LogLevel:{CommandCategory}", "Information"));
        using var cancellation = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        using var response = await service.CreateClient(Caller.Admin).GetAsync(StoredKlines, cancellation.Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(logs.Entries, entry => entry.Category == CommandCategory && entry.Level == LogLevel.Information);
    }

    private WebApplicationFactory<Program> WithLogs(CapturedLogs logs, params (string Key, string Value)[] settings) =>
        factory.WithWebHostBuilder(builder =>
        {
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
            builder.ConfigureServices(services => services.AddSingleton<ILoggerProvider>(logs));
        });
}
