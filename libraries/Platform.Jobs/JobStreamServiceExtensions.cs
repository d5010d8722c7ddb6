using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using StackExchange.Redis;


namespace Platform.Jobs;

public static class JobStreamServiceExtensions
{
    /// <summary>
    /// Registers the stream <paramref name="name"/> as a keyed singleton (resolve it with
    /// <c>[FromKeyedServices(name)]</c>) and reports its queue lengths on <c>/metrics</c>.
    /// </summary>
    public static IServiceCollection AddJobStream(this IServiceCollection services, string name, TimeSpan lease)
    {
        services.AddKeyedSingleton(name, (provider, _) =>
            new JobStream(provider.GetRequiredService<IDatabase>(), provider.GetRequiredService<IConnectionMultiplexer>(), name, lease));
        services.Configure<JobStreamRegistry>(registry => registry.Names.Add(name));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, JobQueueMetrics>());
        return services;
    }
}
