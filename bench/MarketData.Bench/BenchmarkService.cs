using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Platform.ServiceDefaults;
using Platform.Testing;

namespace Platform.MarketData.Bench;

/// <summary>The market data service on real Kestrel sockets, against the run's PostgreSQL and Redis, with an empty database.</summary>
internal sealed class BenchmarkService : ServiceFactory<Program>
{
    public BenchmarkService()
        : base(ResourceNames.MarketDataDb)
    {
        UseKestrel(0);
        Set("Logging:LogLevel:Default", "Warning");
        Set("Uploads:MaxBytes", (200L * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
        builder.UseSolutionRelativeContentRoot("services/MarketData", "Platform.sln");
    }
}
