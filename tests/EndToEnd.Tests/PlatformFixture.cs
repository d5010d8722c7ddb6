using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Platform.Testing.LocalServers;
using Platform.AppHost.Model;
using Platform.AppHost.Running;
using Platform.EndToEnd.Tests.Telemetry;
using Platform.ServiceDefaults;
using Platform.Testing;
using Platform.Testing.FakeBybit;

namespace Platform.EndToEnd.Tests;

/// <summary>
/// The whole platform as <c>scripts/run.sh</c> starts it: the AppHost's orchestrator with its own PostgreSQL and Redis,
/// the four services and the gateway as processes, on free ports and a data directory of its own. Bybit is the fake
/// server and telemetry goes to an OTLP receiver, both given to the AppHost as a developer would
/// (<c>AppHost:Environment:*</c>, <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>). Disposal stops it and checks nothing is left.
/// </summary>
public sealed class PlatformFixture : IAsyncLifetime
{
    public const string Collection = "platform";

    public static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(4);

    /// <summary>How long a silent backtest worker keeps its run; short, so a crashed worker's run is taken over quickly.</summary>
    public static readonly TimeSpan BacktestLease = TimeSpan.FromSeconds(5);

    private readonly CancellationTokenSource _stopping = new();
    private Task _run = Task.CompletedTask;

    public FakeBybitServer Bybit { get; private set; } = null!;

    public OtlpCollector Telemetry { get; private set; } = null!;

    public Orchestrator Orchestrator { get; private set; } = null!;

    public AppHostOptions Options { get; private set; } = null!;

    /// <summary><c>state.json</c> as the AppHost wrote it once every resource was ready.</summary>
    public JsonElement State { get; private set; }

    public string GatewayUrl { get; private set; } = "";

    /// <summary>A client of the gateway carrying the development API key, as a user of the platform calls it.</summary>
    public HttpClient Gateway { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        using var starting = new CancellationTokenSource(StartTimeout);
        Bybit = await FakeBybitServer.StartAsync(starting.Token);
        Telemetry = await OtlpCollector.StartAsync(starting.Token);
        var dataDirectory = Directory.CreateTempSubdirectory("platform-e2e-").FullName;
        File.SetUnixFileMode(dataDirectory, (UnixFileMode)0b111_101_101);
        var ports = AppHostOptions.DefaultPorts.Keys.ToDictionary(name => name, _ => FreePort.Next());
        Options = new AppHostOptions(
            AppHostOptions.FindRepositoryRoot(AppContext.BaseDirectory), dataDirectory, ports,
            AppHostOptions.From(new ConfigurationBuilder().Build()).BuildConfiguration);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AppHost:Environment:Bybit:BaseUrl"] = Bybit.BaseAddress.ToString(),
            ["AppHost:Environment:Backtests:Queue:Lease"] = BacktestLease.ToString(),
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = Telemetry.Endpoint,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        }).Build();
        Orchestrator = new Orchestrator(PlatformModel.Create(), Options, configuration, TextWriter.Null);
        _run = Orchestrator.RunAsync(_stopping.Token);

        var state = await Eventually.ReturnsAsync(
            () => Task.FromResult(File.Exists(Options.StateFile) ? File.ReadAllText(Options.StateFile) : null),
            text => text is not null || _run.IsCompleted, StartTimeout, "the AppHost to write state.json");
        if (_run.IsFaulted)
        {
            throw new InvalidOperationException("The AppHost failed to start the platform.", _run.Exception);
        }
        State = JsonDocument.Parse(state!).RootElement.Clone();
        GatewayUrl = State.GetProperty("gateway").GetString()!;
        Gateway = new HttpClient { BaseAddress = new Uri(GatewayUrl), Timeout = TimeSpan.FromMinutes(1) };
        Gateway.DefaultRequestHeaders.Add("X-API-Key", DevelopmentSecrets.LoadOrGenerate(dataDirectory).ApiKey);
    }

    public ResourceStatus Status(string resource) => Orchestrator.Statuses.Single(status => status.Name == resource);

    /// <summary>Waits until every resource is healthy again, for tests that follow one that restarted a service.</summary>
    public Task WaitUntilAllHealthyAsync() =>
        Eventually.ReturnsAsync(
            () => Task.FromResult(Orchestrator.Statuses.Where(status => status.State != ResourceState.Healthy).Select(status => status.Name).ToList()),
            unhealthy => unhealthy.Count == 0, StartTimeout, "every resource to be healthy");

    /// <summary>Stops the platform, then checks that no process it started is left and its state file is gone.</summary>
    public async Task DisposeAsync()
    {
        Gateway?.Dispose();
        var processes = Orchestrator?.Statuses.Select(status => status.ProcessId).OfType<int>().ToList() ?? [];
        await _stopping.CancelAsync();
        await _run;
        await Telemetry.DisposeAsync();
        await Bybit.DisposeAsync();
        var left = processes.Where(ServerProcess.IsAlive).ToList();
        if (left.Count > 0 || File.Exists(Options.StateFile))
        {
            throw new InvalidOperationException($"The AppHost left processes [{string.Join(", ", left)}] or its state file behind.");
        }
        Directory.Delete(Options.DataDirectory, recursive: true);
    }
}

[CollectionDefinition(PlatformFixture.Collection)]
public sealed class PlatformCollection : ICollectionFixture<PlatformFixture>;
