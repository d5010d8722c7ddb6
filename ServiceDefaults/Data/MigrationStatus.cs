namespace Platform.ServiceDefaults.Data;

/// <summary>Whether the service's schema is current; workers await it before touching their tables.</summary>
public sealed class MigrationStatus
{
    private readonly TaskCompletionSource _completed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsCompleted => _completed.Task.IsCompleted;

    public string? LastError { get; private set; }

    public Task WaitAsync(CancellationToken cancellationToken) => _completed.Task.WaitAsync(cancellationToken);

    internal void MarkCompleted()
    {
        LastError = null;
        _completed.TrySetResult();
    }

    internal void MarkFailed(string error) => LastError = error;
}
