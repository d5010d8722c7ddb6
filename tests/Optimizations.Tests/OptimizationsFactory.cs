extern alias backtests;
extern alias marketdata;

using Platform.ServiceDefaults;
using Platform.Testing;
using Platform.Testing.FakeBybit;

namespace Platform.Optimizations.Tests;

/// <summary>
/// The optimizations service in-process with its grid workers, reaching real backtests (strategies) and market data
/// services on Kestrel ports, and through market data a fake Bybit. Subclasses add settings in <see cref="Configure"/>.
/// </summary>
public class OptimizationsFactory() : ServiceFactory<Program>(ResourceNames.OptimizationsDb)
{
    public FakeBybitServer Bybit { get; private set; } = null!;

    public KestrelService<marketdata::Program> MarketData { get; } = new(ResourceNames.MarketDataDb);

    public KestrelService<backtests::Program> Backtests { get; } = new(ResourceNames.BacktestsDb);

    public override async Task InitializeAsync()
    {
        Bybit = await FakeBybitServer.StartAsync();
        MarketData.Set("Bybit:BaseUrl", Bybit.BaseAddress.ToString());
        MarketData.Set("Bybit:Resilience:RequestsPerSecond", "500");
        MarketData.Set("Prime:Concurrency", "0");
        await MarketData.InitializeAsync();
        Backtests.Set($"services:{ResourceNames.MarketData}:http:0", MarketData.Address);
        Backtests.Set("Backtests:Queue:Concurrency", "0");
        await Backtests.InitializeAsync();
        Set($"services:{ResourceNames.MarketData}:http:0", MarketData.Address);
        Set($"services:{ResourceNames.Backtests}:http:0", Backtests.Address);
        Set("Optimizations:Grid:Lease", "00:00:05");
        Set("Optimizations:Grid:ChunkSize", "4");
        Configure();
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Backtests.DisposeAsync();
        await MarketData.DisposeAsync();
        await Bybit.DisposeAsync();
    }

    /// <summary>Last settings before the service starts, on top of the ones above.</summary>
    protected virtual void Configure()
    {
    }
}

/// <summary>An optimizations replica without grid workers, so that runs stay queued.</summary>
public sealed class ApiOnlyOptimizationsFactory : OptimizationsFactory
{
    protected override void Configure() => Set("Optimizations:Grid:Concurrency", "0");
}
