using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Identity;
using Platform.Testing;

namespace Platform.Gateway.Bench;

/// <summary>
/// The backtests service on a Kestrel port against the run's PostgreSQL and Redis, without queue workers. wrk cannot sign
/// each request afresh, so the direct case runs with unsigned calls let through (the development switch); calls through
/// the gateway are signed and fully verified, so the ratio includes the identity's cost.
/// </summary>
internal sealed class BenchBacktests : KestrelService<Program>
{
    public BenchBacktests()
        : base(ResourceNames.BacktestsDb)
    {
        Set("Backtests:Queue:Concurrency", "0");
        Set(IdentitySettings.DisableKey, "true");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Development");
        builder.UseSolutionRelativeContentRoot("services/Backtests", "Platform.sln");
    }
}
