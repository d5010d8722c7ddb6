using System.ComponentModel.DataAnnotations;

namespace Platform.Jobs;

/// <summary>How a service runs one kind of job; bound from the kind's configuration section.</summary>
public sealed class JobQueueOptions
{
    /// <summary>Jobs one replica runs at once; 0 makes an API-only replica that reads nothing.</summary>
    [Range(0, 1024)]
    public int Concurrency { get; set; } = 2;

    /// <summary>How long a job stays with a worker that stopped heartbeating before another may take it over.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Attempts a job gets, however they end (error, killed process, lost lease); the next claim fails it.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 3;

    /// <summary>How long a job may wait on an outage outside the platform (Bybit) before it fails.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00")]
    public TimeSpan RetryWindow { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How often a worker extends its lease; also how soon it notices that its job was cancelled. Lease / 3 when unset.</summary>
    public TimeSpan? HeartbeatInterval { get; set; }

    /// <summary>How often the reconciler checks the stream and puts deferred jobs whose time has come back on it.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan ReconcileInterval { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan Heartbeat => HeartbeatInterval ?? Lease / 3;
}
