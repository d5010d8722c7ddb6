using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Platform.ServiceDefaults.Data;

internal sealed class MigrationHealthCheck(MigrationStatus status) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(status.IsCompleted
            ? HealthCheckResult.Healthy("Schema is current.")
            : HealthCheckResult.Unhealthy(status.LastError is null
                ? "Migrations are still running."
                : $"Migrations have not been applied: {status.LastError}"));
}
