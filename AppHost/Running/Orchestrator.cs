using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Platform.AppHost.Dashboard;
using Platform.AppHost.LocalServers;
using Platform.AppHost.Model;

namespace Platform.AppHost.Running;

/// <summary>
/// Brings the platform up in dependency order (PostgreSQL and its databases, Redis, then each project once the projects it
/// references are ready), reports it, keeps it running, and stops everything it started when cancelled.
/// </summary>
public sealed class Orchestrator(PlatformModel model, AppHostOptions options, IConfiguration configuration, TextWriter log)
{
    private readonly List<ResourceStatus> _statuses = [];

    public IReadOnlyList<ResourceStatus> Statuses => _statuses;

    /// <summary>The dashboard's login address once it listens (also printed by <c>run</c>).</summary>
    public string? DashboardLoginUrl { get; private set; }

    public async Task RunAsync(CancellationToken stopping)
    {
        using var instance = InstanceLock.Acquire(options.DataDirectory);
        Directory.CreateDirectory(Path.Combine(options.DataDirectory, "logs"));
        var clock = Stopwatch.StartNew();
        var context = new RunContext(options.Ports, OtlpEndpoint(), OtlpProtocol())
        {
            Secrets = DevelopmentSecrets.LoadOrGenerate(options.DataDirectory),
            SharedEnvironment = SharedEnvironment(),
        };
        var parameters = Parameters.LoadOrGenerate(options.DataDirectory, model.Resources.OfType<ParameterResource>());
        var actions = new ProjectActions();
        await using var dashboard = await DashboardServer.StartAsync(
            options.DashboardPort, Snapshot, actions, context.Url(ServiceDefaults.ResourceNames.Gateway) + "/docs", stopping);
        DashboardLoginUrl = dashboard.LoginUrl;
        await log.WriteLineAsync($"Dashboard: {dashboard.LoginUrl}");

        LocalPostgres? postgres = null;
        LocalRedis? redis = null;
        var runners = new List<ProjectRunner>();
        using var projectsStopping = new CancellationTokenSource();
        var running = new List<Task>();
        try
        {
            postgres = await StartPostgresAsync(context, parameters, stopping);
            redis = await StartRedisAsync(context, parameters, stopping);

            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            var byName = new Dictionary<string, ProjectRunner>();
            foreach (var project in model.Projects)
            {
                var status = Track(project.Name, "project", context.Url(project.Name), [.. project.References.Select(reference => reference.Name)]);
                var runner = new ProjectRunner(project, status, options, context, log, http);
                byName[project.Name] = runner;
                actions.Add(project.Name, runner);
                runners.Add(runner);
                running.Add(StartWhenReferencesReadyAsync(project, runner, byName, projectsStopping.Token));
            }
            await WaitForAllAsync(runners, running, stopping);

            await log.WriteLineAsync($"All {_statuses.Count} resources are ready after {clock.Elapsed.TotalSeconds:0.0} s.");
            await log.WriteLineAsync(ResourceTable.Render(_statuses));
            await StateFile.WriteAsync(options.StateFile, context.Url(ServiceDefaults.ResourceNames.Gateway), _statuses, stopping);
            await log.WriteLineAsync(context.Secrets.IsNew
                ? $"Development API key (every role), generated for this data directory: {context.Secrets.ApiKey}"
                : $"Development API key: in {Path.Combine(options.DataDirectory, "secrets.json")} (send it as X-API-Key).");
            await log.WriteLineAsync("Press Ctrl+C to stop.");
            await Task.Delay(Timeout.Infinite, stopping).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        finally
        {
            await log.WriteLineAsync("Stopping the platform...");
            File.Delete(options.StateFile);
            await projectsStopping.CancelAsync();
            await Task.WhenAll(runners.Select(runner => runner.StopAsync()));
            await Task.WhenAll(running).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (redis is not null)
            {
                await redis.DisposeAsync();
            }
            if (postgres is not null)
            {
                await postgres.DisposeAsync();
            }
            foreach (var status in _statuses)
            {
                status.State = ResourceState.Stopped;
                status.ProcessId = null;
            }
            await log.WriteLineAsync("Stopped.");
        }
    }

    private async Task<LocalPostgres?> StartPostgresAsync(
        RunContext context, IReadOnlyDictionary<string, string> parameters, CancellationToken cancellationToken)
    {
        var server = model.Postgres;
        var status = Track(server.Name, "postgres", null);
        LocalPostgres? local = null;
        if (configuration.GetConnectionString(server.Name) is { Length: > 0 } external)
        {
            context.SetConnectionString(server.Name, external);
            await log.WriteLineAsync($"{server.Name}: using the server from ConnectionStrings__{server.Name}");
        }
        else
        {
            status.State = ResourceState.Starting;
            local = await LocalPostgres.StartAsync(
                Path.Combine(options.DataDirectory, "data", "postgres"), context.Port(server.Name), parameters[server.Password.Name],
                status.AddLine, durable: true, cancellationToken);
            status.ProcessId = local.ProcessId;
            status.StartedAt = DateTimeOffset.UtcNow;
            context.SetConnectionString(server.Name, local.ConnectionString());
        }
        status.State = ResourceState.Healthy;

        foreach (var database in model.Databases)
        {
            var databaseStatus = Track(database.Name, "database", null, [server.Name]);
            var connectionString = configuration.GetConnectionString(database.Name)
                ?? $"{context.ConnectionString(server.Name)};Database={database.Name}";
            context.SetConnectionString(database.Name, connectionString);
            await DatabaseCreator.EnsureAsync(connectionString, cancellationToken);
            databaseStatus.State = ResourceState.Healthy;
        }
        return local;
    }

    private async Task<LocalRedis?> StartRedisAsync(
        RunContext context, IReadOnlyDictionary<string, string> parameters, CancellationToken cancellationToken)
    {
        var redis = model.Redis;
        var status = Track(redis.Name, "redis", null);
        if (configuration.GetConnectionString(redis.Name) is { Length: > 0 } external)
        {
            context.SetConnectionString(redis.Name, external);
            status.State = ResourceState.Healthy;
            await log.WriteLineAsync($"{redis.Name}: using the server from ConnectionStrings__{redis.Name}");
            return null;
        }
        status.State = ResourceState.Starting;
        var local = await LocalRedis.StartAsync(
            Path.Combine(options.DataDirectory, "data", "redis"), context.Port(redis.Name), parameters[redis.Password.Name],
            status.AddLine, durable: true, cancellationToken);
        status.ProcessId = local.ProcessId;
        status.StartedAt = DateTimeOffset.UtcNow;
        status.State = ResourceState.Healthy;
        context.SetConnectionString(redis.Name, local.ConnectionString);
        return local;
    }

    private static async Task StartWhenReferencesReadyAsync(
        ProjectResource project, ProjectRunner runner, IReadOnlyDictionary<string, ProjectRunner> started, CancellationToken stopping)
    {
        var dependencies = project.References.OfType<ProjectResource>().Select(reference => started[reference.Name].FirstReady);
        await Task.WhenAll(dependencies).WaitAsync(stopping);
        await runner.RunAsync(stopping);
    }

    private static async Task WaitForAllAsync(List<ProjectRunner> runners, List<Task> running, CancellationToken stopping)
    {
        var allReady = Task.WhenAll(runners.Select(runner => runner.FirstReady));
        var anyFailed = Task.WhenAny(running);
        await Task.WhenAny(allReady, anyFailed).WaitAsync(stopping);
        if (!allReady.IsCompleted)
        {
            await await anyFailed;
        }
    }

    private ResourceStatus Track(string name, string type, string? url, IReadOnlyList<string>? references = null)
    {
        var status = new ResourceStatus(name, type, url) { References = references ?? [] };
        lock (_statuses)
        {
            _statuses.Add(status);
        }
        return status;
    }

    /// <summary>A copy for the dashboard, which reads from its own threads while resources are still being added.</summary>
    private IReadOnlyList<ResourceStatus> Snapshot()
    {
        lock (_statuses)
        {
            return [.. _statuses];
        }
    }

    /// <summary>
    /// <c>AppHost:Environment:&lt;key&gt;</c> as environment variables (nested keys joined by <c>__</c>), for settings such as
    /// <c>--AppHost:Environment:Bybit__BaseUrl=https://api-testnet.bybit.com</c>.
    /// </summary>
    private Dictionary<string, string> SharedEnvironment() =>
        configuration.GetSection("AppHost:Environment").AsEnumerable(makePathsRelative: true)
            .Where(setting => setting.Value is not null)
            .ToDictionary(setting => setting.Key.Replace(":", "__", StringComparison.Ordinal), setting => setting.Value!);

    private string? OtlpEndpoint() =>
        configuration["ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL"]
        ?? configuration["DOTNET_DASHBOARD_OTLP_ENDPOINT_URL"]
        ?? configuration["ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL"]
        ?? configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];

    private string OtlpProtocol() =>
        configuration["OTEL_EXPORTER_OTLP_PROTOCOL"]
        ?? (configuration["ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL"] is null && configuration["ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL"] is not null
            ? "http/protobuf"
            : "grpc");
}
