extern alias backtests;
extern alias gateway;
extern alias marketdata;
extern alias optimizations;

using System.Net.Http.Headers;
using gateway::Platform.Gateway.Security;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Identity;
using Platform.Testing;
using Platform.Testing.FakeBybit;

namespace Platform.RequestToResult.Bench;

/// <summary>
/// The platform as a user meets it: market data (on a fake Bybit, which the benchmark's uploaded candles make unnecessary),
/// backtests and optimizations with their production settings, each on its own Kestrel port, behind the gateway with one
/// API key (admin, trader and reader) whose rate limit is never reached.
/// </summary>
internal sealed class BenchPlatform : IAsyncDisposable
{
    private const string KeyHeader = "X-API-Key";

    private readonly FakeBybitServer _bybit;
    private readonly SolutionService<marketdata::Program> _marketData;
    private readonly SolutionService<backtests::Program> _backtests;
    private readonly SolutionService<optimizations::Program> _optimizations;
    private readonly SolutionService<gateway::Program> _gateway;

    private BenchPlatform(
        FakeBybitServer bybit,
        SolutionService<marketdata::Program> marketData,
        SolutionService<backtests::Program> backtests,
        SolutionService<optimizations::Program> optimizations,
        SolutionService<gateway::Program> gateway)
    {
        (_bybit, _marketData, _backtests, _optimizations, _gateway) = (bybit, marketData, backtests, optimizations, gateway);
    }

    /// <summary>A client of the gateway that sends the benchmark's API key, with a timeout long enough for a 70 MB upload.</summary>
    public HttpClient Client { get; private init; } = null!;

    public static async Task<BenchPlatform> StartAsync()
    {
        var bybit = await FakeBybitServer.StartAsync();
        var marketData = new SolutionService<marketdata::Program>(ResourceNames.MarketDataDb, "services/MarketData");
        marketData.Set("Bybit:BaseUrl", bybit.BaseAddress.ToString());
        await marketData.InitializeAsync();
        var backtests = new SolutionService<backtests::Program>(ResourceNames.BacktestsDb, "services/Backtests");
        backtests.Set($"services:{ResourceNames.MarketData}:http:0", marketData.Address);
        await backtests.InitializeAsync();
        var optimizations = new SolutionService<optimizations::Program>(ResourceNames.OptimizationsDb, "services/Optimizations");
        optimizations.Set($"services:{ResourceNames.MarketData}:http:0", marketData.Address);
        optimizations.Set($"services:{ResourceNames.Backtests}:http:0", backtests.Address);
        await optimizations.InitializeAsync();

        var key = ApiKeyHasher.NewKey();
        var gateway = new SolutionService<gateway::Program>(null, "gateway/Gateway");
        gateway.Set("Gateway:ApiKeys:0:Name", "bench");
        gateway.Set("Gateway:ApiKeys:0:Hash", ApiKeyHasher.Hash(key));
        string[] roles = [Roles.Admin, Roles.Trader, Roles.Reader];
        for (var i = 0; i < roles.Length; i++)
        {
            gateway.Set($"Gateway:ApiKeys:0:Roles:{i}", roles[i]);
            gateway.Set($"Gateway:RateLimits:{roles[i]}:TokenLimit", "1000000");
            gateway.Set($"Gateway:RateLimits:{roles[i]}:TokensPerPeriod", "1000000");
        }
        var addresses = new Dictionary<string, string>
        {
            [ResourceNames.MarketData] = marketData.Address,
            [ResourceNames.Backtests] = backtests.Address,
            [ResourceNames.Optimizations] = optimizations.Address,
            [ResourceNames.Health] = marketData.Address,
        };
        foreach (var service in ResourceNames.Services)
        {
            gateway.Set($"services:{service}:http:0", addresses[service]);
        }
        await gateway.InitializeAsync();

        var client = new HttpClient { BaseAddress = new Uri(gateway.Address), Timeout = TimeSpan.FromMinutes(10) };
        client.DefaultRequestHeaders.Add(KeyHeader, key);
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        await ServiceFactory<gateway::Program>.WaitUntilReadyAsync(client, TimeSpan.FromSeconds(30));
        return new BenchPlatform(bybit, marketData, backtests, optimizations, gateway) { Client = client };
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _gateway.DisposeAsync();
        await _optimizations.DisposeAsync();
        await _backtests.DisposeAsync();
        await _marketData.DisposeAsync();
        await _bybit.DisposeAsync();
    }
}
