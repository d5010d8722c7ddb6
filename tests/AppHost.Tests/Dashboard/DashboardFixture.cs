using System.Net;
using Platform.AppHost.Dashboard;
using Platform.Testing.LocalServers;
using Platform.AppHost.Running;

namespace Platform.AppHost.Tests.Dashboard;

/// <summary>A dashboard server over a fixed set of resources, with actions that only record themselves.</summary>
public sealed class DashboardFixture : IAsyncLifetime
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public List<ResourceStatus> Resources { get; } =
    [
        new("postgres", "postgres", null) { State = ResourceState.Healthy, ProcessId = 101 },
        new("backtestsdb", "database", null) { State = ResourceState.Healthy, References = ["postgres"] },
        new("cache", "redis", null) { State = ResourceState.Healthy, ProcessId = 102 },
        new("backtests", "project", "http://localhost:1") { State = ResourceState.Healthy, ProcessId = 103, References = ["backtestsdb", "cache"] },
    ];

    public RecordingActions Actions { get; } = new();

    public DashboardServer Server { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Resources[3].AddLine("info: Platform.Backtests.Worker[0]");
        Resources[3].AddLine("      Claimed backtest 42");
        Resources[3].AddLine("warn: Platform.Backtests.Worker[0]");
        Resources[3].AddLine("      Lease lost on backtest 42");
        Actions.Resources = Resources;
        using var cancellation = new CancellationTokenSource(Timeout);
        Server = await DashboardServer.StartAsync(FreePort.Next(), () => [.. Resources], Actions, "http://localhost:8080/docs", cancellation.Token);
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();

    /// <summary>A client that has opened the login address, so it carries the dashboard cookie.</summary>
    public async Task<HttpClient> LoggedInClientAsync(CancellationToken cancellationToken)
    {
        var client = AnonymousClient(new CookieContainer());
        using var login = await client.GetAsync(Server.LoginUrl, cancellationToken);
        login.EnsureSuccessStatusCode();
        return client;
    }

    public HttpClient AnonymousClient(CookieContainer cookies) =>
        new(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = new Uri(Server.Url) };
}

public sealed class RecordingActions : IResourceActions
{
    public IReadOnlyList<ResourceStatus> Resources { get; set; } = [];

    public Task<bool> RestartAsync(string name) => Task.FromResult(Set(name, ResourceState.Restarting));

    public Task<bool> StopAsync(string name) => Task.FromResult(Set(name, ResourceState.Stopped));

    public bool Start(string name) => Set(name, ResourceState.Starting);

    private bool Set(string name, ResourceState state)
    {
        if (Resources.FirstOrDefault(status => status.Name == name && status.Type == "project") is not { } status)
        {
            return false;
        }
        status.State = state;
        return true;
    }
}
