using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Platform.Client;
using Platform.ServiceDefaults;
using Platform.Testing;
using Platform.Testing.FakeBybit;
using Platform.Testing.LocalServers;

namespace Platform.EndToEnd.Tests;

/// <summary>
/// The whole platform from the real AppHost through <c>Aspire.Hosting.Testing</c>: PostgreSQL and Redis as executables with
/// a data directory of their own, the four services and the gateway as projects on random ports, and Aspire's dashboard.
/// Bybit is the fake server, given to every project as a developer would (<c>AppHost:Environment:*</c>). Tests speak only
/// to the gateway, with the development API key.
/// </summary>
public class PlatformFixture : IAsyncLifetime
{
    public const string Collection = "platform";

    public static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(4);

    /// <summary>How long a silent backtest worker keeps its run; short, so a crashed worker's run is taken over quickly.</summary>
    public static readonly TimeSpan BacktestLease = TimeSpan.FromSeconds(5);

    private readonly List<int> _processes = [];

    public FakeBybitServer Bybit { get; private set; } = null!;

    public DistributedApplication App { get; private set; } = null!;

    public string DataDirectory { get; private set; } = "";

    /// <summary>The dashboard's address with the login token of this run, as the AppHost prints it.</summary>
    public Uri DashboardLoginUrl { get; private set; } = null!;

    /// <summary><c>state.json</c> as the AppHost wrote it once every resource was healthy.</summary>
    public JsonElement State { get; private set; }

    public Uri GatewayUrl { get; private set; } = null!;

    /// <summary>A client of the gateway carrying the development API key, as a user of the platform calls it.</summary>
    public HttpClient Gateway { get; private set; } = null!;

    /// <summary>
    /// The typed client generated from the services' documents (clients/Platform.Client), with the development API key:
    /// every call through it checks the documents against the running platform.
    /// </summary>
    public PlatformClient Api { get; private set; } = null!;

    private HttpClient _apiHttp = null!;

    public async Task InitializeAsync()
    {
        using var starting = new CancellationTokenSource(StartTimeout);
        Bybit = await FakeBybitServer.StartAsync(starting.Token);
        DataDirectory = Directory.CreateTempSubdirectory("platform-e2e-").FullName;
        File.SetUnixFileMode(DataDirectory, (UnixFileMode)0b111_101_101);

        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(
            [
                $"--AppHost:DataDirectory={DataDirectory}",
                "--AppHost:DataServers=executables",
                "--AppHost:Ports:gateway=0",
                $"--AppHost:Environment:Bybit:BaseUrl={Bybit.BaseAddress}",
                $"--AppHost:Environment:Backtests:Queue:Lease={BacktestLease}",
                .. Arguments,
            ],
            (options, _) => options.DisableDashboard = false,
            starting.Token);
        // What the AppHost's http launch profile gives a developer; the testing builder moves every port to a random one.
        builder.Configuration["ASPNETCORE_URLS"] = "http://localhost:18888";
        builder.Configuration["ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL"] = "http://localhost:18889";
        builder.Configuration["ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL"] = "http://localhost:18890";
        builder.Configuration["ASPIRE_ALLOW_UNSECURED_TRANSPORT"] = "true";

        App = await builder.BuildAsync(starting.Token);
        await App.StartAsync(starting.Token);
        var statePath = Path.Combine(DataDirectory, "state.json");
        var state = await Eventually.ReturnsAsync(
            () => Task.FromResult(File.Exists(statePath) ? File.ReadAllText(statePath) : null),
            text => text is not null, StartTimeout, "the AppHost to write state.json once every resource is healthy");
        State = JsonDocument.Parse(state!).RootElement.Clone();

        DashboardLoginUrl = new Uri(State.GetProperty("dashboard").GetString()!);
        GatewayUrl = new Uri(State.GetProperty("gateway").GetString()!);
        foreach (var pid in State.GetProperty("resources").EnumerateArray().Select(resource => resource.GetProperty("pid")))
        {
            if (pid.ValueKind == JsonValueKind.Number)
            {
                _processes.AddRange([pid.GetInt32(), .. Children(pid.GetInt32())]);
            }
        }
        Gateway = new HttpClient { BaseAddress = GatewayUrl, Timeout = TimeSpan.FromMinutes(1) };
        Gateway.DefaultRequestHeaders.Add("X-API-Key", ApiKey());
        _apiHttp = new HttpClient { BaseAddress = GatewayUrl, Timeout = TimeSpan.FromMinutes(1) };
        Api = new PlatformClient(_apiHttp, ApiKey());
    }

    /// <summary>The development API key, read from <c>secrets.json</c> as a script would.</summary>
    public string ApiKey() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(DataDirectory, "secrets.json"))).RootElement.GetProperty("ApiKey").GetString()!;

    /// <summary>Further AppHost settings of a fixture that needs another shape of the platform.</summary>
    protected virtual IEnumerable<string> Arguments => [];

    /// <summary>The resources a developer sees in the dashboard, in the AppHost's order.</summary>
    public IReadOnlyList<string> ResourceNames()
    {
        var notifications = App.Services.GetRequiredService<ResourceNotificationService>();
        return [.. App.Services.GetRequiredService<DistributedApplicationModel>().Resources
            .Where(resource => resource is not ParameterResource
                && !(notifications.TryGetCurrentState(resource.Name, out var current) && current.Snapshot.IsHidden))
            .Select(resource => resource.Name)];
    }

    /// <summary>Waits until every service answers ready through the gateway, as a user would find it.</summary>
    public Task WaitUntilServingAsync() =>
        Eventually.ReturnsAsync(
            async () =>
            {
                var ready = new List<string>();
                foreach (var service in Platform.ServiceDefaults.ResourceNames.Services)
                {
                    using var response = await Gateway.GetAsync($"/health/{service}/ready");
                    if (response.IsSuccessStatusCode)
                    {
                        ready.Add(service);
                    }
                }
                return ready;
            },
            ready => ready.Count == Platform.ServiceDefaults.ResourceNames.Services.Count, StartTimeout, "every service ready through the gateway");

    /// <summary>Stops the platform, then checks that no process it started is left and its state files are gone.</summary>
    public async Task DisposeAsync()
    {
        Gateway?.Dispose();
        _apiHttp?.Dispose();
        if (App is not null)
        {
            await App.StopAsync();
            await App.DisposeAsync();
        }
        await Bybit.DisposeAsync();
        await Eventually.ReturnsAsync(
            () => Task.FromResult(_processes.Where(ServerProcess.IsAlive).ToList()), alive => alive.Count == 0,
            TimeSpan.FromSeconds(30), "every process of the platform to end");
        Assert.False(File.Exists(Path.Combine(DataDirectory, "state.json")), "The AppHost left its state file behind.");
        Directory.Delete(DataDirectory, recursive: true);
    }

    /// <summary>A project's process is <c>dotnet run</c>, whose child is the service itself.</summary>
    private static IEnumerable<int> Children(int pid)
    {
        var children = $"/proc/{pid}/task/{pid}/children";
        return File.Exists(children)
            ? File.ReadAllText(children).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(child => int.Parse(child, System.Globalization.CultureInfo.InvariantCulture))
            : [];
    }
}

[CollectionDefinition(PlatformFixture.Collection)]
public sealed class PlatformCollection : ICollectionFixture<PlatformFixture>;
