using Microsoft.Extensions.Hosting;

namespace Platform.AppHost.Development;

public static class LocalDevelopmentExtensions
{
    /// <summary>
    /// For a local run: one AppHost per data directory, and the state files that tell scripts (and people) where the
    /// gateway, the dashboard and the API key are once every resource is healthy.
    /// </summary>
    public static void AddLocalDevelopment(this IDistributedApplicationBuilder builder, AppHostSettings settings)
    {
        builder.Services.AddSingleton(InstanceLock.Acquire(settings.DataDirectory));
        builder.Services.AddSingleton(settings);
        // First among the hosted services: Aspire's own start returns only once every resource has started, and a server that
        // fails to start must still be reported.
        builder.Services.Insert(0, ServiceDescriptor.Singleton<IHostedService, PlatformStateFiles>());
    }
}
