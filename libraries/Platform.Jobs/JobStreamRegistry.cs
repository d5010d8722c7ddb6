using Platform.ServiceDefaults;

namespace Platform.Jobs;

/// <summary>The names of the streams registered with <see cref="JobStreamServiceExtensions.AddJobStream"/>.</summary>
public sealed class JobStreamRegistry
{
    public List<string> Names { get; } = [];
}
