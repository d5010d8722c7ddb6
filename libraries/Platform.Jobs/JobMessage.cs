using StackExchange.Redis;

namespace Platform.Jobs;

/// <summary>A stream entry naming a job; the job's state lives in its service's database (DESIGN.md).</summary>
public sealed record JobMessage(RedisValue MessageId, string JobId);
