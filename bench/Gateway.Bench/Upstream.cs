using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Platform.Testing.LocalServers;

namespace Platform.Gateway.Bench;

/// <summary>A service stand-in that answers every request with a small JSON document, so the figures measure the gateway.</summary>
internal static class Upstream
{
    public static async Task<(WebApplication App, string Url)> StartAsync()
    {
        var url = $"http://127.0.0.1:{FreePort.Next()}";
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(url);
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.Run(context =>
        {
            context.Response.ContentType = "application/json";
            return context.Response.WriteAsync("""{"id":1,"status":"completed","symbol":"BTCUSDT"}""");
        });
        await app.StartAsync();
        return (app, url);
    }
}
