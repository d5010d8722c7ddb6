using Platform.ServiceDefaults;
using Platform.Testing;

namespace Platform.Backtests.Tests;

/// <summary>
/// The backtests service in-process with its workers, reaching a real market data service (and through it a fake Bybit)
/// by service discovery. Subclasses change settings before start, e.g. an API-only replica.
/// </summary>
public class BacktestsFactory : ServiceFactory<Program>
{
    public BacktestsFactory()
        : this(null)
    {
    }

    /// <param name="bybitAddress">Where the market data service finds Bybit instead of the fake.</param>
    protected BacktestsFactory(string? bybitAddress)
        : base(ResourceNames.BacktestsDb) => MarketData = new(bybitAddress);

    public MarketDataServer MarketData { get; }

    public override async Task InitializeAsync()
    {
        await MarketData.InitializeAsync();
        Set($"services:{ResourceNames.MarketData}:http:0", MarketData.Address.ToString().TrimEnd('/'));
        Set("Backtests:Queue:Lease", "00:00:05");
        Configure();
        await base.InitializeAsync();
    }

    /// <summary>Last settings before the service starts, on top of the ones above.</summary>
    protected virtual void Configure()
    {
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await MarketData.DisposeAsync();
    }
}
