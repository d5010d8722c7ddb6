using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Platform.Testing.LocalServers;
using Platform.ServiceDefaults;

namespace Platform.Gateway.Tests;

/// <summary>
/// One small Kestrel server per platform service that reads the body and answers with its own name, the path, the headers
/// and the body's length it received; a path ending in <c>/slow</c> answers only after <see cref="SlowDelay"/>, and a
/// body declared longer than <c>?refuse_over=</c> is refused unread, as the market data service refuses an upload; a path
/// ending in <c>/events</c> is a server-sent event stream of two events, silent for <see cref="EventGap"/> between them.
/// </summary>
public sealed class FakeServices : IAsyncLifetime
{
    public static readonly TimeSpan SlowDelay = TimeSpan.FromSeconds(20);

    public static readonly TimeSpan EventGap = TimeSpan.FromSeconds(2.5);

    public const string RefusedUnread = "refused unread";

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
        // The gateway's limits are under test, not Kestrel's own default.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = null);
        var app = builder.Build();
        app.Run(async context =>
        {
            if (long.TryParse(context.Request.Query["refuse_over"], out var most) && context.Request.ContentLength > most)
            {
                context.Features.GetRequiredFeature<IHttpMaxRequestBodySizeFeature>().MaxRequestBodySize = most;
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                await context.Response.WriteAsync(RefusedUnread, context.RequestAborted);
                return;
            }
            if (context.Request.Path.Value!.EndsWith("/events", StringComparison.Ordinal))
            {
                await StreamEventsAsync(context, service);
                return;
            }
            if (context.Request.Path.Value!.EndsWith("/slow", StringComparison.Ordinal))
            {
                await Task.Delay(SlowDelay, context.RequestAborted);
            }
            var headers = context.Request.Headers.ToDictionary(header => header.Key, header => header.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            var bodyLength = await LengthAsync(context.Request.Body, context.RequestAborted);
            await context.Response.WriteAsJsonAsync(new Echo(service, context.Request.Path + context.Request.QueryString, context.Request.Host.Value, headers, bodyLength));
        });
        await app.StartAsync();
        return (app, url);
    }

    /// <summary>A <c>state</c> event, <see cref="EventGap"/> of silence, an <c>end</c> event, each naming the service and the user the gateway signed.</summary>
    private static async Task StreamEventsAsync(HttpContext context, string service)
    {
        context.Response.ContentType = "text/event-stream";
        var user = context.Request.Headers[SignedIdentity.UserHeader].ToString();
        await context.Response.WriteAsync($"id: 1\nevent: state\ndata: {{\"service\":\"{service}\",\"user\":\"{user}\"}}\n\n", context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
        await Task.Delay(EventGap, context.RequestAborted);
        await context.Response.WriteAsync($"id: 2\nevent: end\ndata: {{\"service\":\"{service}\",\"user\":\"{user}\"}}\n\n", context.RequestAborted);
    }

    private static async Task<long> LengthAsync(Stream body, CancellationToken cancellationToken)
    {
        var buffer = new byte[81920];
        long length = 0;
        int read;
        while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            length += read;
        }
        return length;
    }

    public async Task DisposeAsync()
    {
        foreach (var app in _apps)
        {
            await app.DisposeAsync();
        }
    }
}

public sealed record Echo(string Service, string Path, string? Host, Dictionary<string, string> Headers, long BodyLength);
