using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Platform.ServiceDefaults.Security;

/// <summary>
/// <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are honoured only from the senders in
/// <c>Platform:ForwardedHeaders:KnownProxies</c> (addresses) and <c>KnownNetworks</c> (CIDR), and from nobody when neither
/// is set. This also holds when <c>ASPNETCORE_FORWARDEDHEADERS_ENABLED</c> is set, which would otherwise trust any sender.
/// </summary>
public static class TrustedProxies
{
    public const string Section = "Platform:ForwardedHeaders";

    public static IHostApplicationBuilder AddTrustedProxies(this IHostApplicationBuilder builder)
    {
        var proxies = builder.Configuration.GetSection($"{Section}:KnownProxies").Get<string[]>() ?? [];
        var networks = builder.Configuration.GetSection($"{Section}:KnownNetworks").Get<string[]>() ?? [];
        var parsedProxies = proxies.Select(proxy => IPAddress.TryParse(proxy, out var address)
            ? address
            : throw new InvalidOperationException($"{Section}:KnownProxies holds '{proxy}', which is not an IP address.")).ToList();
        var parsedNetworks = networks.Select(network => System.Net.IPNetwork.TryParse(network, out var parsed)
            ? parsed
            : throw new InvalidOperationException($"{Section}:KnownNetworks holds '{network}', which is not a CIDR range.")).ToList();
        builder.Services.PostConfigure<ForwardedHeadersOptions>(options =>
        {
            // The middleware trusts every sender when both lists are empty, so with none configured it reads nothing.
            options.ForwardedHeaders = parsedProxies.Count + parsedNetworks.Count == 0
                ? ForwardedHeaders.None
                : ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            parsedProxies.ForEach(options.KnownProxies.Add);
            parsedNetworks.ForEach(options.KnownIPNetworks.Add);
        });
        return builder;
    }

    /// <summary>Applies forwarded headers from the trusted senders, if any are configured.</summary>
    public static WebApplication UseTrustedProxies(this WebApplication app)
    {
        var configured = app.Configuration.GetSection($"{Section}:KnownProxies").Exists() || app.Configuration.GetSection($"{Section}:KnownNetworks").Exists();
        if (configured)
        {
            app.UseForwardedHeaders();
        }
        return app;
    }
}
