namespace Platform.Jobs;

/// <summary>A job in a worker's hands: who holds it, which attempt this is, and the progress its heartbeats record.</summary>
public sealed class JobContext(string owner, int attempt)
{
    private object? _progress;

    public string Owner { get; } = owner;

    public int Attempt { get; } = attempt;

    /// <summary>The parameters of the table's progress columns (<see cref="JobTable.OnProgress"/>), written with the next heartbeat.</summary>
    public void ReportProgress(object parameters) => Volatile.Write(ref _progress, parameters);

    internal object? Progress => Volatile.Read(ref _progress);
}
