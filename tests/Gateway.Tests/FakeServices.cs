using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Platform.AppHost.LocalServers;
using Platform.ServiceDefaults;

namespace Platform.Gateway.Tests;

/// <summary>One small Kestrel server per platform service that answers with its own name and the path it received.</summary>
public sealed class FakeServices : IAsyncLifetime
{
    private readonly List<WebApplication> _apps = [];

    public Dictionary<string, string> Urls { get; } = [];

    public async Task InitializeAsync()
    {
        foreach (var service in ResourceNames.Services)
        {
            var url = $"http://127.0.0.1:{FreePort.Next()}";
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls(url);
            var app = builder.Build();
            app.Run(context => context.Response.WriteAsJsonAsync(new Echo(service, context.Request.Path + context.Request.QueryString, context.Request.Host.Value)));
            await app.StartAsync();
            _apps.Add(app);
            Urls[service] = url;
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var app in _apps)
        {
            await app.DisposeAsync();
        }
    }
}

public sealed record Echo(string Service, string Path, string? Host);
