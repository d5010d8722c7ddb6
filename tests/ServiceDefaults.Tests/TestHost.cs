using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Platform.ServiceDefaults.Tests;

/// <summary>A minimal service built the way every platform service is, hosted in memory.</summary>
internal static class TestHost
{
    public static async Task<WebApplication> StartAsync(
        IReadOnlyDictionary<string, string?> settings, Action<WebApplicationBuilder> configure, Action<WebApplication>? map = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = Environments.Development,
            ApplicationName = typeof(TestHost).Assembly.GetName().Name,
        });
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddServiceDefaults();
        configure(builder);

        var app = builder.Build();
        app.MapGet("/boom", () => { throw new InvalidOperationException("boom"); });
        app.MapGet("/echo", (int count) => count);
        map?.Invoke(app);
        app.MapDefaultEndpoints();
        await app.StartAsync();
        return app;
    }
}
