using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Platform.AppHost.Running;

namespace Platform.AppHost.Dashboard;

/// <summary>The page, the JSON it reads, the event stream and the actions.</summary>
internal static class DashboardApi
{
    private static readonly TimeSpan EventCheck = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan EventEvery = TimeSpan.FromSeconds(1);

    public static RouteGroupBuilder MapDashboardApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", () => TypedResults.Content(DashboardPage.Html, "text/html; charset=utf-8"));
        var api = app.MapGroup("/api");
        api.MapGet("/resources", (DashboardState state) => TypedResults.Text(state.SnapshotJson(), "application/json"));
        api.MapGet("/resources/{name}/logs", GetLogs);
        api.MapGet("/events", (DashboardState state, CancellationToken cancellationToken) =>
            TypedResults.ServerSentEvents(SnapshotsAsync(state, cancellationToken), "resources"));
        api.MapPost("/resources/{name}/restart", async Task<Results<Accepted, NotFound>> (string name, IResourceActions actions) =>
            await actions.RestartAsync(name) ? TypedResults.Accepted((string?)null) : TypedResults.NotFound());
        api.MapPost("/resources/{name}/stop", async Task<Results<Accepted, NotFound>> (string name, IResourceActions actions) =>
            await actions.StopAsync(name) ? TypedResults.Accepted((string?)null) : TypedResults.NotFound());
        api.MapPost("/resources/{name}/start", Results<Accepted, NotFound> (string name, IResourceActions actions) =>
            actions.Start(name) ? TypedResults.Accepted((string?)null) : TypedResults.NotFound());
        return api;
    }

    private static Results<ContentHttpResult, NotFound> GetLogs(string name, string? search, string? level, DashboardState state)
    {
        if (state.Find(name) is not { } status)
        {
            return TypedResults.NotFound();
        }
        IReadOnlyList<LogLine> lines = [.. LogLines.Filter(LogLines.Parse(status.RecentLines()), search, level)];
        return TypedResults.Text(JsonSerializer.Serialize(lines, DashboardJsonContext.Default.IReadOnlyListLogLine), "application/json");
    }

    /// <summary>A snapshot as soon as something changed, and at least one a second.</summary>
    private static async IAsyncEnumerable<string> SnapshotsAsync(DashboardState state, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? last = null;
        var sentAt = DateTimeOffset.MinValue;
        while (!cancellationToken.IsCancellationRequested)
        {
            var snapshot = state.SnapshotJson();
            if (snapshot != last || DateTimeOffset.UtcNow - sentAt >= EventEvery)
            {
                (last, sentAt) = (snapshot, DateTimeOffset.UtcNow);
                yield return snapshot;
            }
            await Task.Delay(EventCheck, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }
}

/// <summary>What the endpoints read: the resources, their probed figures and where the API reference is.</summary>
internal sealed class DashboardState(Func<IReadOnlyList<ResourceStatus>> resources, ServiceProbe probe, string? gatewayDocs)
{
    public ResourceStatus? Find(string name) => resources().FirstOrDefault(status => status.Name == name);

    public string SnapshotJson()
    {
        var now = DateTimeOffset.UtcNow;
        IReadOnlyList<ResourceView> views = [.. resources().Select(status => ResourceView.From(status, probe.Figures(status.Name), gatewayDocs, now))];
        return JsonSerializer.Serialize(views, DashboardJsonContext.Default.IReadOnlyListResourceView);
    }
}
