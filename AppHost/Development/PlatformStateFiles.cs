using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Platform.ServiceDefaults;

namespace Platform.AppHost.Development;

/// <summary>
/// Once every resource is healthy, writes <c>state.json</c> (gateway URL; each resource's name, state, URL and process id)
/// and <c>secrets.json</c> (<c>ApiKey</c>, <c>IdentitySecret</c>) for scripts, and prints where to go; removes both when the
/// platform stops. A resource that fails to start has its own output printed with what to do.
/// </summary>
public sealed partial class PlatformStateFiles(
    ResourceNotificationService notifications,
    ResourceLoggerService resourceLogs,
    DistributedApplicationModel model,
    IConfiguration configuration,
    AppHostSettings settings,
    ILogger<PlatformStateFiles> logger) : BackgroundService
{
    private const int FailureLines = 40;

    private static readonly TimeSpan OutputWait = TimeSpan.FromSeconds(10);

    /// <summary>The name Aspire gives its dashboard's resource (hidden from the resource list).</summary>
    private const string DashboardResource = "aspire-dashboard";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // By resource instance: a project with replicas has one snapshot a replica.
        var latest = new Dictionary<string, ResourceEvent>();
        var reported = new HashSet<string>();
        var written = false;
        await foreach (var update in notifications.WatchAsync(stoppingToken))
        {
            latest[update.ResourceId] = update;
            if (IsFailure(update.Snapshot) && reported.Add(update.ResourceId))
            {
                await ReportFailureAsync(update.Resource, update.Snapshot);
            }
            if (!written && AllReady(latest) && (DashboardLoginUrl(latest) is not null || model.Resources.All(resource => resource.Name != DashboardResource)))
            {
                Write(latest);
                written = true;
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        File.Delete(settings.StateFile);
        File.Delete(settings.SecretsFile);
        await base.StopAsync(cancellationToken);
    }

    private bool AllReady(Dictionary<string, ResourceEvent> latest) =>
        model.Resources.Where(resource => resource is not ParameterResource).All(resource =>
            latest.Values.Where(update => update.Resource == resource).ToList() is { Count: > 0 } instances
            && instances.All(update => update.Snapshot.IsHidden || IsReady(update.Snapshot)));

    /// <summary>What a developer sees in the dashboard: every instance but the parameters and Aspire's hidden helpers.</summary>
    private static IEnumerable<ResourceEvent> Shown(Dictionary<string, ResourceEvent> latest) =>
        latest.Values.Where(update => update.Resource is not ParameterResource && !update.Snapshot.IsHidden);

    private static bool IsReady(CustomResourceSnapshot snapshot) =>
        (snapshot.State?.Text == KnownResourceStates.Running && snapshot.HealthStatus is null or Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy)
        || (snapshot.State?.Text == KnownResourceStates.Finished && snapshot.ExitCode is 0);

    private static bool IsFailure(CustomResourceSnapshot snapshot) =>
        snapshot.State?.Text == KnownResourceStates.FailedToStart
        || (snapshot.State?.Text is { } state && (state == KnownResourceStates.Exited || state == KnownResourceStates.Finished)
            && snapshot.ExitCode is not (null or 0));

    private void Write(Dictionary<string, ResourceEvent> latest)
    {
        var gateway = model.Resources.OfType<ProjectResource>().Single(project => project.Name == ResourceNames.Gateway);
        var gatewayUrl = gateway.GetEndpoint("http").Url;
        var dashboard = DashboardLoginUrl(latest);
        var state = new PlatformState(gatewayUrl, dashboard, [.. Shown(latest).Select(update => Entry(update.Resource.Name, update.Snapshot))]);
        Directory.CreateDirectory(settings.DataDirectory);
        var apiKey = configuration[$"Parameters:{DevelopmentApiKey.ParameterName}"] ?? "";
        var secrets = new DevelopmentSecrets(apiKey, configuration[$"Parameters:{PlatformSecrets.IdentitySecret}"] ?? "");
        WriteWhole(settings.SecretsFile, JsonSerializer.Serialize(secrets, StateJsonContext.Default.DevelopmentSecrets));
        // state.json last: scripts wait for it, then read the key, which must already be there.
        WriteWhole(settings.StateFile, JsonSerializer.Serialize(state, StateJsonContext.Default.PlatformState));

        LogReady(logger, gatewayUrl, gatewayUrl + "/docs");
        if (dashboard is not null)
        {
            LogDashboard(logger, dashboard);
        }
        LogApiKey(logger, settings.SecretsFile);
    }

    private static ResourceEntry Entry(string name, CustomResourceSnapshot snapshot) => new(
        name,
        IsReady(snapshot) && snapshot.State?.Text == KnownResourceStates.Running ? "healthy" : snapshot.State?.Text.ToLowerInvariant() ?? "unknown",
        snapshot.Urls.FirstOrDefault(url => !url.IsInternal)?.Url is { } url ? new Uri(url).GetLeftPart(UriPartial.Authority) : null,
        snapshot.Properties.FirstOrDefault(property => property.Name == "executable.pid")?.Value is { } pid
            && int.TryParse(pid.ToString(), out var id) ? id : null);

    /// <summary>The dashboard's login address as DCP published it (its ports are random under the testing host).</summary>
    private static string? DashboardLoginUrl(Dictionary<string, ResourceEvent> latest) =>
        latest.Values.SelectMany(update => update.Snapshot.Urls).FirstOrDefault(url => url.Url.Contains("/login?t=", StringComparison.Ordinal))?.Url;

    private async Task ReportFailureAsync(IResource resource, CustomResourceSnapshot snapshot)
    {
        var lines = new List<string>();
        // The lines DCP still holds are fetched from it, which can hang; what arrived by then is reported.
        using var fetching = new CancellationTokenSource(OutputWait);
        try
        {
            await foreach (var batch in resourceLogs.GetAllAsync(resource).WithCancellation(fetching.Token))
            {
                lines.AddRange(batch.Select(line => line.Content));
            }
        }
        catch (OperationCanceledException) when (fetching.IsCancellationRequested)
        {
            lines.Add($"(output cut: its last lines did not arrive within {OutputWait.TotalSeconds:F0} s)");
        }
        LogFailure(logger, resource.Name, snapshot.State?.Text, snapshot.ExitCode, string.Join('\n', lines.TakeLast(FailureLines)), Advice(resource));
    }

    private string Advice(IResource resource) => resource.Name switch
    {
        ResourceNames.Postgres or $"{ResourceNames.Postgres}-init" =>
            $"PostgreSQL keeps its data under {Path.Combine(settings.DataDirectory, "data", "postgres")}. Delete that directory to start "
            + $"with an empty server, or check that the 'postgres' user can write it. {LocalServers.ServerBinaries.InstallHint}",
        ResourceNames.Redis =>
            $"Redis keeps its data under {Path.Combine(settings.DataDirectory, "data", "redis")}. {LocalServers.ServerBinaries.InstallHint}",
        _ => "Its console logs are in the dashboard; 'dotnet build Platform.sln' shows build errors.",
    };

    /// <summary>Through a temporary file, so that a script never reads half a file.</summary>
    private static void WriteWhole(string path, string text)
    {
        var temporary = path + ".tmp";
        OwnerOnlyFile.Write(temporary, text);
        File.Move(temporary, path, overwrite: true);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Every resource is healthy. Gateway: {GatewayUrl} (API reference: {DocsUrl})")]
    private static partial void LogReady(ILogger logger, string gatewayUrl, string docsUrl);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dashboard: {LoginUrl}")]
    private static partial void LogDashboard(ILogger logger, string loginUrl);

    [LoggerMessage(Level = LogLevel.Information, Message = "Development API key (every role): 'ApiKey' in {SecretsFile}; send it as X-API-Key. Ctrl+C stops everything.")]
    private static partial void LogApiKey(ILogger logger, string secretsFile);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Resource} did not start ({State}, exit code {ExitCode}). Its last output:\n{Output}\nWhat to do: {Advice}")]
    private static partial void LogFailure(ILogger logger, string resource, string? state, int? exitCode, string output, string advice);
}

public sealed record PlatformState(string Gateway, string? Dashboard, IReadOnlyList<ResourceEntry> Resources);

public sealed record ResourceEntry(string Name, string State, string? Url, int? Pid);

/// <summary>Kept in the shape scripts already read: <c>{"ApiKey": ..., "IdentitySecret": ...}</c>.</summary>
public sealed record DevelopmentSecrets(
    [property: JsonPropertyName("ApiKey")] string ApiKey, [property: JsonPropertyName("IdentitySecret")] string IdentitySecret);

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(PlatformState))]
[JsonSerializable(typeof(DevelopmentSecrets))]
internal sealed partial class StateJsonContext : JsonSerializerContext;
