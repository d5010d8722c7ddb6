namespace Platform.Jobs;

/// <summary>What the metrics and the health check read of a queue, whatever its kind of job.</summary>
public interface IJobQueue
{
    string Name { get; }

    JobStream Stream { get; }

    string? Problem { get; }
}
