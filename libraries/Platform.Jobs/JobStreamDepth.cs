namespace Platform.Jobs;

/// <summary>
/// How many jobs of a stream wait for a worker, how many are in a worker's hands, how many ended on the dead-letter stream,
/// and how long the oldest waiting one has waited.
/// </summary>
public sealed record JobStreamDepth(long Waiting, long InFlight, long Dead, TimeSpan OldestWaiting);
