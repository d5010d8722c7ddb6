using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Platform.ServiceDefaults.Problems;

public static class ProblemDetailsExtensions
{
    /// <summary>ProblemDetails for every error, each with the <c>type</c> of its kind (<see cref="ProblemTypes"/>) whatever the request's <c>Accept</c>.</summary>
    public static IServiceCollection AddTypedProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context => ProblemTypes.Apply(context.ProblemDetails));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IProblemDetailsWriter, AnyAcceptProblemWriter>());
        return services;
    }
}
