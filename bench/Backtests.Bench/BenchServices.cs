extern alias gateway;
extern alias marketdata;

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Platform.ServiceDefaults;
using Platform.Testing;
using Platform.Testing.FakeBybit;

namespace Platform.Backtests.Bench;

/// <summary>Market data (on a fake Bybit), backtests and the gateway, each on its own Kestrel port, quiet logs.</summary>
internal sealed class BenchServices : IAsyncDisposable
{
    private BenchServices(FakeBybitServer bybit, Service<marketdata::Program> marketData, Service<Program> backtests, Service<gateway::Program> gateway)
    {
        Bybit = bybit;
        MarketData = marketData;
        Backtests = backtests;
        Gateway = gateway;
    }

    /// <summary>The key the benchmark sends through the gateway (reader role, a rate limit far above what wrk reaches).</summary>
    public const string ApiKey = "backtests-benchmark-key";

    public FakeBybitServer Bybit { get; }

    public Service<marketdata::Program> MarketData { get; }

    public Service<Program> Backtests { get; }

    public Service<gateway::Program> Gateway { get; }

    public static async Task<BenchServices> StartAsync(int workers)
    {
        var bybit = await FakeBybitServer.StartAsync();
        var marketData = new Service<marketdata::Program>(ResourceNames.MarketDataDb, "services/MarketData");
        marketData.Set("Bybit:BaseUrl", bybit.BaseAddress.ToString());
        marketData.Set("Bybit:Resilience:RequestsPerSecond", "500");
        await marketData.InitializeAsync();
        var backtests = new Service<Program>(ResourceNames.BacktestsDb, "services/Backtests");
        backtests.Set($"services:{ResourceNames.MarketData}:http:0", marketData.Address);
        backtests.Set("Backtests:Queue:Concurrency", workers.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await backtests.InitializeAsync();
        var gateway = new Service<gateway::Program>(null, "gateway/Gateway");
        gateway.Set("Gateway:ApiKeys:0:Name", "bench");
        gateway.Set("Gateway:ApiKeys:0:Hash", Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(ApiKey))));
        gateway.Set("Gateway:ApiKeys:0:Roles:0", "reader");
        gateway.Set("Gateway:RateLimits:reader:TokenLimit", "1000000");
        gateway.Set("Gateway:RateLimits:reader:TokensPerPeriod", "1000000");
        foreach (var service in ResourceNames.Services)
        {
            gateway.Set($"services:{service}:http:0", service == ResourceNames.Backtests ? backtests.Address : marketData.Address);
        }
        await gateway.InitializeAsync();
        return new BenchServices(bybit, marketData, backtests, gateway);
    }

    public async ValueTask DisposeAsync()
    {
        await Gateway.DisposeAsync();
        await Backtests.DisposeAsync();
        await MarketData.DisposeAsync();
        await Bybit.DisposeAsync();
    }

    internal sealed class Service<TProgram> : ServiceFactory<TProgram>
        where TProgram : class
    {
        private readonly string _contentRoot;

        public Service(string? database, string contentRoot)
            : base(database)
        {
            _contentRoot = contentRoot;
            UseKestrel(0);
            Set("Logging:LogLevel:Default", "Warning");
        }

        public string Address => CreateClient().BaseAddress!.ToString().TrimEnd('/');

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
            builder.UseSolutionRelativeContentRoot(_contentRoot, "Platform.sln");
        }
    }
}
