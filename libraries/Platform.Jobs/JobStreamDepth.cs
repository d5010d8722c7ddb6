namespace Platform.Jobs;

/// <summary>How many jobs of a stream wait for a worker and how many are in a worker's hands.</summary>
public sealed record JobStreamDepth(long Waiting, long InFlight);
