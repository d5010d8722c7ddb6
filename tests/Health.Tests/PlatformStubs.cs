using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Platform.ServiceDefaults;
using Platform.Testing.FakeBybit;

namespace Platform.Health.Tests;

/// <summary>Ready stand-ins for the three services and a fake Bybit, and health service instances pointed at them.</summary>
public sealed class PlatformStubs : IAsyncLifetime
{
    public static readonly string[] Services = [ResourceNames.Backtests, ResourceNames.Optimizations, ResourceNames.MarketData];

    /// <summary>How long a stand-in that answers late waits before it answers; well inside <see cref="ProbeTimeout"/>.</summary>
    public static readonly TimeSpan AnswerDelay = TimeSpan.FromMilliseconds(300);

    /// <summary>The health service's default <c>Health:ProbeTimeout</c>.</summary>
    public static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(2);

    private readonly List<StubService> _services = [];

    public FakeBybitServer Bybit { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Bybit = await FakeBybitServer.StartAsync();
        foreach (var _ in Services)
        {
            _services.Add(await StubService.StartAsync());
        }
    }

    /// <summary>A health service whose services and Bybit are the stubs, with <paramref name="overrides"/> on top.</summary>
    public WebApplicationFactory<Program> HealthService(HealthFactory factory, params (string Key, string? Value)[] overrides) =>
        factory.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Bybit:BaseUrl", Bybit.BaseAddress.ToString());
            foreach (var (service, stub) in Services.Zip(_services))
            {
                builder.UseSetting($"services:{service}:http:0", stub.Address);
            }
            foreach (var (key, value) in overrides)
            {
                builder.UseSetting(key, value);
            }
        });

    public async Task DisposeAsync()
    {
        foreach (var service in _services)
        {
            await service.DisposeAsync();
        }
        await Bybit.DisposeAsync();
    }
}
