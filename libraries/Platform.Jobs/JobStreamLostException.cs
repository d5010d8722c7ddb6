namespace Platform.Jobs;

/// <summary>A stream's consumer group is gone (Redis lost its data); the queue's reconciler re-creates it and re-enqueues.</summary>
public sealed class JobStreamLostException(string stream, Exception innerException)
    : Exception($"The consumer group of {stream} is gone.", innerException);
