using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Platform.Health.Tests;

/// <summary>A real Kestrel app on a free port that answers <c>/health/ready</c> as a platform service would, or hangs.</summary>
public sealed class StubService : IAsyncDisposable
{
    private readonly WebApplication _app;

    private StubService(WebApplication app) => _app = app;

    public string Address => _app.Urls.Single();

    /// <param name="readyReport">The readiness report's JSON, as ServiceDefaults writes it; none when null.</param>
    public static async Task<StubService> StartAsync(int readyStatus = StatusCodes.Status200OK, TimeSpan? hang = null, string? readyReport = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapGet("/health/ready", async (CancellationToken cancellationToken) =>
        {
            if (hang is { } wait)
            {
                await Task.Delay(wait, cancellationToken);
            }
            return readyReport is null ? Results.StatusCode(readyStatus) : Results.Content(readyReport, "application/json", statusCode: readyStatus);
        });
        await app.StartAsync();
        return new StubService(app);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
