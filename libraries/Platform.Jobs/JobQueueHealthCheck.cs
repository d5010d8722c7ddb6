using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Platform.Jobs;

/// <summary>Unhealthy while the queue's stream cannot be read (Redis away, or its group lost and not yet re-created).</summary>
internal sealed class JobQueueHealthCheck(IJobQueue queue) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(queue.Problem is { } problem
            ? new HealthCheckResult(context.Registration.FailureStatus, problem)
            : HealthCheckResult.Healthy($"{queue.Name} is readable."));
}
