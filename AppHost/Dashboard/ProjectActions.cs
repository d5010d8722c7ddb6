using System.Collections.Concurrent;
using Platform.AppHost.Running;

namespace Platform.AppHost.Dashboard;

/// <summary>Dashboard actions carried out by the <see cref="ProjectRunner"/> of each project; other resources have none.</summary>
internal sealed class ProjectActions : IResourceActions
{
    private readonly ConcurrentDictionary<string, ProjectRunner> _runners = new(StringComparer.Ordinal);

    public void Add(string name, ProjectRunner runner) => _runners[name] = runner;

    public async Task<bool> RestartAsync(string name)
    {
        if (!_runners.TryGetValue(name, out var runner))
        {
            return false;
        }
        await runner.RestartAsync();
        return true;
    }

    public async Task<bool> StopAsync(string name)
    {
        if (!_runners.TryGetValue(name, out var runner))
        {
            return false;
        }
        await runner.HoldAsync();
        return true;
    }

    public bool Start(string name)
    {
        if (!_runners.TryGetValue(name, out var runner))
        {
            return false;
        }
        runner.Resume();
        return true;
    }
}
