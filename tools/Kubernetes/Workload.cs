namespace Platform.Kubernetes;

/// <summary>
/// How one project of the manifest runs in Kubernetes: its image, size, the job lease its shutdown must outlast, and
/// whether it reaches the internet.
/// </summary>
public sealed record Workload(ManifestResource Project, string? LeaseKey, string CpuLimit, string MemoryLimit, bool ReachesInternet = false)
{
    public const int HttpPort = 8080;
    public const int Replicas = 2;

    /// <summary>The job leases of the workers (their options' default, 30 s); a stopping pod finishes or releases its job first.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    /// <summary>Twice the lease, so Kubernetes never kills a pod that is still releasing its job.</summary>
    public static readonly int TerminationGracePeriodSeconds = (int)(Lease.TotalSeconds * 2);

    public string Name => Project.Name;

    /// <summary>The repository each project's csproj names in <c>ContainerRepository</c>.</summary>
    public string Image => $"platform/{Name}";

    /// <summary>The gateway: the one project whose http binding the manifest marks external.</summary>
    public bool External => Project.Bindings.TryGetValue("http", out var http) && http.External;

    /// <summary>Services running background workers scale on CPU.</summary>
    public bool RunsWorkers => LeaseKey is not null;

    public static IEnumerable<Workload> For(AspireManifest manifest) =>
        manifest.OfType(AspireManifest.Project).Select(project => project.Name switch
        {
            "backtests" => new Workload(project, "Backtests__Queue__Lease", "2", "1Gi"),
            "optimizations" => new Workload(project, "Optimizations__Grid__Lease", "2", "1Gi"),
            // Market data downloads candles from Bybit; health checks that Bybit answers (docs/bybit.md).
            "marketdata" => new Workload(project, "Prime__Lease", "1", "768Mi", ReachesInternet: true),
            "health" => new Workload(project, null, "500m", "384Mi", ReachesInternet: true),
            _ => new Workload(project, null, "500m", "384Mi"),
        });
}
