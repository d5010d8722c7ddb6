using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Platform.AppHost.Running;

namespace Platform.AppHost.Dashboard;

/// <summary>
/// The developer dashboard the AppHost serves while it runs: Kestrel on 127.0.0.1 only, behind a login token made
/// for this run (see <see cref="LoginUrl"/>).
/// </summary>
public sealed class DashboardServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private DashboardServer(WebApplication app, int port, string token)
    {
        _app = app;
        Url = $"http://127.0.0.1:{port}";
        LoginUrl = $"{Url}/login?t={token}";
    }

    public string Url { get; }

    /// <summary>The address <c>run</c> prints: opening it logs the browser in.</summary>
    public string LoginUrl { get; }

    /// <param name="resources">The resources as they are now; called from request threads, so it must return a copy.</param>
    /// <param name="gatewayDocs">The API reference every service links to.</param>
    public static async Task<DashboardServer> StartAsync(
        int port, Func<IReadOnlyList<ResourceStatus>> resources, IResourceActions actions, string? gatewayDocs, CancellationToken cancellationToken)
    {
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        var probe = new ServiceProbe(resources);
        builder.Services.AddSingleton<IHostedService>(probe);
        builder.Services.AddSingleton(new DashboardState(resources, probe, gatewayDocs));
        builder.Services.AddSingleton(actions);
        var app = builder.Build();
        app.UseDashboardLogin(token);
        app.MapDashboardApi();
        await app.StartAsync(cancellationToken);
        return new DashboardServer(app, port, token);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }
}
