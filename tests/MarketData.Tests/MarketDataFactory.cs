using Platform.ServiceDefaults;
using Platform.Testing;
using Platform.Testing.FakeBybit;

namespace Platform.MarketData.Tests;

/// <summary>
/// MarketData against the run's PostgreSQL and Redis and against a <see cref="FakeBybitServer"/> of its own in place of
/// Bybit (<see cref="Bybit"/>), with short back-off so failure tests finish fast. A subclass changes single Bybit
/// settings in <see cref="ConfigureBybit"/>.
/// </summary>
public class MarketDataFactory() : ServiceFactory<Program>(ResourceNames.MarketDataDb)
{
    /// <summary>Who calls <c>/internal/candles</c> in the platform: another service.</summary>
    public static Caller InternalCaller { get; } = Caller.Service(ResourceNames.Backtests);

    public FakeBybitServer Bybit { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        Bybit = await FakeBybitServer.StartAsync();
        var settings = new Dictionary<string, string>
        {
            ["Bybit:BaseUrl"] = Bybit.BaseAddress.ToString(),
            ["Bybit:Resilience:RequestsPerSecond"] = "500",
            ["Bybit:Resilience:MaxRetries"] = "2",
            ["Bybit:Resilience:BaseDelay"] = "00:00:00.010",
            ["Bybit:Resilience:MaxDelay"] = "00:00:00.500",
            ["Bybit:Resilience:AttemptTimeout"] = "00:00:05",
            ["Bybit:Resilience:TotalTimeout"] = "00:00:30",
            // One test's failures must not open the circuit for the next test of the class; circuit tests lower it.
            ["Bybit:Resilience:MinimumThroughput"] = "1000",
            ["Bybit:Resilience:BreakDuration"] = "00:00:01",
            ["Bybit:Resilience:BanDuration"] = "00:00:01",
        };
        ConfigureBybit(settings);
        foreach (var (key, value) in settings)
        {
            Set(key, value);
        }
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Bybit.DisposeAsync();
    }

    /// <summary>Changes the <c>Bybit:*</c> settings the service starts with.</summary>
    protected virtual void ConfigureBybit(IDictionary<string, string> settings)
    {
    }
}
