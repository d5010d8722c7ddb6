using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Platform.ServiceDefaults;

internal static class HealthCheckNames
{
    /// <summary>
    /// Renames a client integration's health check after the resource it checks, so that a 503 from
    /// <c>/health/ready</c> names <c>backtestsdb</c> or <c>redis</c> rather than the library.
    /// </summary>
    public static void NameHealthCheck(this IServiceCollection services, string registeredAs, string resource) =>
        services.PostConfigure<HealthCheckServiceOptions>(options =>
        {
            foreach (var registration in options.Registrations.Where(registration => registration.Name == registeredAs))
            {
                registration.Name = resource;
            }
        });
}
