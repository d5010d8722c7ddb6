using Platform.AppHost.Model;
using Platform.ServiceDefaults;

namespace Platform.AppHost.Kubernetes;

/// <summary>How one project runs in Kubernetes: its image, size, and the job lease its shutdown must outlast.</summary>
public sealed record Workload(ProjectResource Project, string? LeaseKey, string CpuLimit, string MemoryLimit)
{
    public const int HttpPort = 8080;
    public const int Replicas = 2;

    /// <summary>The job leases of the workers (their options' default, 30 s); a stopping pod finishes or releases its job first.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    /// <summary>Twice the lease, so Kubernetes never kills a pod that is still releasing its job.</summary>
    public static readonly int TerminationGracePeriodSeconds = (int)(Lease.TotalSeconds * 2);

    public string Name => Project.Name;

    public string Image => $"platform/{Name}";

    /// <summary>Services running background workers scale on CPU.</summary>
    public bool RunsWorkers => LeaseKey is not null;

    public static IEnumerable<Workload> For(PlatformModel model) => model.Projects.Select(project => project.Name switch
    {
        ResourceNames.Backtests => new Workload(project, "Backtests__Queue__Lease", "2", "1Gi"),
        ResourceNames.Optimizations => new Workload(project, "Optimizations__Grid__Lease", "2", "1Gi"),
        ResourceNames.MarketData => new Workload(project, "Prime__Lease", "1", "768Mi"),
        _ => new Workload(project, null, "500m", "384Mi"),
    });
}
