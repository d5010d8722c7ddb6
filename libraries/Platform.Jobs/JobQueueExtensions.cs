using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using StackExchange.Redis;

namespace Platform.Jobs;

public static class JobQueueExtensions
{
    /// <summary>
    /// Registers a kind of job: its stream <paramref name="name"/> over the rows of <paramref name="table"/>, the
    /// <typeparamref name="TWorker"/> that runs it, its reconciler, a readiness check named after the stream, and its
    /// figures on <c>/metrics</c>. <paramref name="section"/> holds its <see cref="JobQueueOptions"/>, over the kind's
    /// <paramref name="defaults"/>.
    /// </summary>
    public static IHostApplicationBuilder AddJobQueue<TJob, TWorker>(
        this IHostApplicationBuilder builder, string name, JobTable table, string section, Action<JobQueueOptions>? defaults = null)
        where TJob : class
        where TWorker : JobWorker<TJob>
    {
        var options = new JobQueueOptions();
        defaults?.Invoke(options);
        builder.Configuration.GetSection(section).Bind(options);
        System.ComponentModel.DataAnnotations.Validator.ValidateObject(options, new(options), validateAllProperties: true);
        builder.Services.AddSingleton(provider => new JobQueue<TJob>(
            name,
            new JobStream(provider.GetRequiredService<IDatabase>(), provider.GetRequiredService<IConnectionMultiplexer>(), name, options.Lease),
            new JobLedger<TJob>(provider.GetRequiredService<NpgsqlDataSource>(), table),
            options,
            provider.GetRequiredService<ILogger<JobQueue<TJob>>>()));
        builder.Services.AddSingleton<IJobQueue>(provider => provider.GetRequiredService<JobQueue<TJob>>());
        builder.Services.AddHostedService<TWorker>();
        builder.Services.AddHostedService<JobReconciler<TJob>>();
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            name, provider => new JobQueueHealthCheck(provider.GetRequiredService<JobQueue<TJob>>()), HealthStatus.Unhealthy, tags: null));
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, JobQueueMetrics>());
        return builder;
    }
}
