extern alias marketdata;

using Platform.ServiceDefaults;
using Platform.Testing;
using Platform.Testing.FakeBybit;

namespace Platform.Backtests.Tests;

/// <summary>
/// The real market data service on a Kestrel port, against the run's PostgreSQL and Redis and a fake Bybit, so that the
/// backtests service loads its candles over HTTP by service discovery as it does in production.
/// </summary>
/// <param name="bybitAddress">Where the service finds Bybit instead of the fake: a dead address makes Bybit unreachable.</param>
public sealed class MarketDataServer(string? bybitAddress = null) : ServiceFactory<marketdata::Program>(ResourceNames.MarketDataDb)
{
    public FakeBybitServer Bybit { get; private set; } = null!;

    /// <summary>The Kestrel address the service listens on, once started.</summary>
    public Uri Address => CreateClient().BaseAddress!;

    public override async Task InitializeAsync()
    {
        Bybit = await FakeBybitServer.StartAsync();
        Set("Bybit:BaseUrl", bybitAddress ?? Bybit.BaseAddress.ToString());
        Set("Bybit:Resilience:RequestsPerSecond", "500");
        Set("Bybit:Resilience:BaseDelay", "00:00:00.010");
        Set("Prime:Concurrency", "0");
        ListenOnAFreePort();
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Bybit.DisposeAsync();
    }
}
