extern alias gateway;

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using gateway::Platform.Gateway.Security;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Identity;
using Platform.Testing;

namespace Platform.Gateway.Bench;

/// <summary>
/// The gateway on a Kestrel port, <c>backtests</c> routed to the real service and the other services to
/// <see cref="Upstream"/>, with API keys and per-key rate limiting on: one reader key whose bucket is large enough never
/// to reject, so every request pays for both checks.
/// </summary>
internal sealed class BenchGateway : WebApplicationFactory<gateway::Program>
{
    private readonly Dictionary<string, string> _settings = new()
    {
        ["Logging:LogLevel:Default"] = "Warning",
        ["Gateway:ApiKeys:0:Name"] = "bench",
        ["Gateway:ApiKeys:0:Roles:0"] = Roles.Reader,
        [SignedIdentity.SecretKey] = Caller.Secret,
        ["Gateway:RateLimits:reader:TokenLimit"] = "10000000",
        ["Gateway:RateLimits:reader:TokensPerPeriod"] = "10000000",
        ["Gateway:RateLimits:reader:Period"] = "00:00:01",
    };

    public BenchGateway(string backtests, string upstream, string key)
    {
        UseKestrel(0);
        _settings["Gateway:ApiKeys:0:Hash"] = ApiKeyHasher.Hash(key);
        foreach (var service in ResourceNames.Services)
        {
            _settings[$"services:{service}:http:0"] = service == ResourceNames.Backtests ? backtests : upstream;
        }
    }

    public string Address => CreateClient().BaseAddress!.ToString().TrimEnd('/');

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        builder.UseEnvironment("Production");
        builder.UseSolutionRelativeContentRoot("gateway/Gateway", "Platform.sln");
    }
}
