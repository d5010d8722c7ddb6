using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Platform.ServiceDefaults;
using Platform.Testing;

namespace Platform.Gateway.Bench;

/// <summary>The backtests service on a Kestrel port against the run's PostgreSQL and Redis, without queue workers.</summary>
internal sealed class BenchBacktests : KestrelService<Program>
{
    public BenchBacktests()
        : base(ResourceNames.BacktestsDb)
    {
        Set("Backtests:Queue:Concurrency", "0");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
        builder.UseSolutionRelativeContentRoot("services/Backtests", "Platform.sln");
    }
}
