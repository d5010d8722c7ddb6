using System.ComponentModel.DataAnnotations;

namespace Platform.ServiceDefaults.Events;

/// <summary>Settings under <c>Events</c> of every job's event stream (docs/api-behaviour.md, 1.9).</summary>
public sealed class JobEventOptions
{
    public const string Section = "Events";

    /// <summary>
    /// How often a stream reads its job from PostgreSQL. Any replica may be running the job, so the database is the one
    /// place where every change shows.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest silence on a stream before a comment line is sent, so that proxies do not close it as idle.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(15);
}
