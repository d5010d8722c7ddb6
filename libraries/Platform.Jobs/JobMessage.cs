using StackExchange.Redis;

namespace Platform.Jobs;

/// <summary>A stream entry naming a job; the job's state lives in its service's database (docs/architecture.md, 3).</summary>
public sealed record JobMessage(RedisValue MessageId, string JobId);
