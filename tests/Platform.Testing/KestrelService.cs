using Microsoft.AspNetCore.Hosting;

namespace Platform.Testing;

/// <summary>
/// A service on a real Kestrel port (against the run's PostgreSQL and Redis), for another service under test to reach over
/// HTTP by service discovery, as in production.
/// </summary>
public class KestrelService<TProgram> : ServiceFactory<TProgram>
    where TProgram : class
{
    public KestrelService(string? databaseResource)
        : base(databaseResource)
    {
        ListenOnAFreePort();
    }

    /// <summary>The address the service listens on, once started, without a trailing slash.</summary>
    public string Address => CreateClient().BaseAddress!.ToString().TrimEnd('/');

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }
}
