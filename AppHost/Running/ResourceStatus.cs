namespace Platform.AppHost.Running;

public enum ResourceState
{
    Waiting,
    Starting,
    Running,
    Healthy,
    Unhealthy,
    Restarting,
    Exited,
    Stopped,
}

/// <summary>What is known of one resource right now; the console table, state.json and the dashboard read it.</summary>
public sealed class ResourceStatus(string name, string type, string? url)
{
    private const int KeptLines = 1000;
    private readonly Queue<string> _lines = new();
    private readonly Lock _gate = new();

    public string Name { get; } = name;

    public string Type { get; } = type;

    public string? Url { get; } = url;

    /// <summary>The resources this one references (a project's databases, cache and services; a database's server).</summary>
    public IReadOnlyList<string> References { get; init; } = [];

    public ResourceState State { get; set; } = ResourceState.Waiting;

    public int? ProcessId { get; set; }

    public int Restarts { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public void AddLine(string line)
    {
        lock (_gate)
        {
            if (_lines.Count == KeptLines)
            {
                _lines.Dequeue();
            }
            _lines.Enqueue(line);
        }
    }

    public IReadOnlyList<string> RecentLines()
    {
        lock (_gate)
        {
            return [.. _lines];
        }
    }
}
