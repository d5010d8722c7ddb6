using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Platform.Testing.LocalServers;
using Platform.ServiceDefaults;

namespace Platform.Gateway.Tests;

/// <summary>
/// One small Kestrel server per platform service that answers with its own name, the path and the headers it received;
/// a path ending in <c>/slow</c> answers only after <see cref="SlowDelay"/>.
/// </summary>
public sealed class FakeServices : IAsyncLifetime
{
    public static readonly TimeSpan SlowDelay = TimeSpan.FromSeconds(20);

    private readonly List<WebApplication> _apps = [];

    public Dictionary<string, string> Urls { get; } = [];

    public async Task InitializeAsync()
    {
        foreach (var service in ResourceNames.Services)
        {
            var (app, url) = await StartAsync(service);
            _apps.Add(app);
            Urls[service] = url;
        }
    }

    /// <summary>Starts one fake answering as <paramref name="service"/>; the caller disposes it.</summary>
    public static async Task<(WebApplication App, string Url)> StartAsync(string service)
    {
        var url = $"http://127.0.0.1:{FreePort.Next()}";
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(url);
        var app = builder.Build();
        app.Run(async context =>
        {
            if (context.Request.Path.Value!.EndsWith("/slow", StringComparison.Ordinal))
            {
                await Task.Delay(SlowDelay, context.RequestAborted);
            }
            var headers = context.Request.Headers.ToDictionary(header => header.Key, header => header.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            await context.Response.WriteAsJsonAsync(new Echo(service, context.Request.Path + context.Request.QueryString, context.Request.Host.Value, headers));
        });
        await app.StartAsync();
        return (app, url);
    }

    public async Task DisposeAsync()
    {
        foreach (var app in _apps)
        {
            await app.DisposeAsync();
        }
    }
}

public sealed record Echo(string Service, string Path, string? Host, Dictionary<string, string> Headers);
