using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Platform.ServiceDefaults.Events;

public static class JobEventExtensions
{
    /// <summary>Binds <see cref="JobEventOptions"/> from <c>Events</c>, checked at start, for the service's job event streams.</summary>
    public static IHostApplicationBuilder AddJobEvents(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<JobEventOptions>().BindConfiguration(JobEventOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        return builder;
    }
}
