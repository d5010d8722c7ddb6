using StackExchange.Redis;

namespace Platform.Jobs;

/// <summary>
/// A Redis stream of job ids read through one consumer group. StackExchange.Redis has no blocking reads, so readers poll
/// and a pub/sub message wakes idle readers at once. Entries a consumer read but did not acknowledge within the lease are
/// taken over by the next reader (<c>XAUTOCLAIM</c>).
/// </summary>
public sealed class JobStream
{
    private const string Group = "workers";
    private const string JobField = "job";
    private const int MaxLength = 100_000;

    private readonly IDatabase _database;
    private readonly ISubscriber _subscriber;
    private readonly RedisKey _stream;
    private readonly RedisKey _deadLetters;
    private readonly RedisChannel _signal;
    private readonly TimeSpan _lease;
    private readonly SemaphoreSlim _wake = new(0, 1);
    private bool _subscribed;

    public JobStream(IDatabase database, IConnectionMultiplexer multiplexer, string name, TimeSpan lease)
    {
        _database = database;
        _subscriber = multiplexer.GetSubscriber();
        _stream = name;
        _deadLetters = $"{name}:dead";
        _signal = RedisChannel.Literal($"{name}:signal");
        _lease = lease;
    }

    public TimeSpan Lease => _lease;

    public string Name => _stream.ToString();

    /// <summary>Creates the consumer group (from the stream's beginning, so entries added before it are not lost) and subscribes to wake-ups.</summary>
    public async Task InitializeAsync()
    {
        await CreateGroupAsync();
        if (!_subscribed)
        {
            await _subscriber.SubscribeAsync(_signal, (_, _) => Wake());
            _subscribed = true;
        }
    }

    /// <summary>
    /// Re-creates the stream and its consumer group when they are gone (a Redis restart without persistence,
    /// <c>FLUSHALL</c>, eviction, a failover); true when they had to be re-created, so the jobs they held must be re-enqueued.
    /// </summary>
    public async Task<bool> EnsureGroupAsync()
    {
        if (await DepthAsync() is not null)
        {
            return false;
        }
        await CreateGroupAsync();
        return true;
    }

    /// <summary>Adds a job id and wakes idle readers on every replica.</summary>
    public async Task PublishAsync(string jobId)
    {
        await _database.StreamAddAsync(_stream, JobField, jobId, maxLength: MaxLength, useApproximateMaxLength: true);
        await _subscriber.PublishAsync(_signal, jobId);
    }

    /// <summary>Entries whose lease ran out first, then new ones, at most <paramref name="count"/>.</summary>
    /// <exception cref="JobStreamLostException">The stream or its consumer group is gone.</exception>
    public async Task<IReadOnlyList<JobMessage>> ReadAsync(string consumer, int count)
    {
        try
        {
            var claimed = await _database.StreamAutoClaimAsync(_stream, Group, consumer, (long)_lease.TotalMilliseconds, "0-0", count);
            var entries = claimed.ClaimedEntries.Where(entry => !entry.IsNull).ToList();
            if (entries.Count < count)
            {
                entries.AddRange(await _database.StreamReadGroupAsync(_stream, Group, consumer, StreamPosition.NewMessages, count - entries.Count));
            }
            return entries.Select(entry => new JobMessage(entry.Id, (string?)entry[JobField] ?? "")).ToList();
        }
        catch (RedisServerException exception) when (exception.Message.StartsWith("NOGROUP", StringComparison.Ordinal))
        {
            throw new JobStreamLostException(Name, exception);
        }
    }

    /// <summary>Resets the idle time of an entry in hand so that no other reader takes it over while the job still runs.</summary>
    public Task RenewAsync(string consumer, JobMessage message) =>
        _database.StreamClaimIdsOnlyAsync(_stream, Group, consumer, 0, [message.MessageId]);

    public Task AcknowledgeAsync(JobMessage message) => _database.StreamAcknowledgeAsync(_stream, Group, message.MessageId);

    /// <summary>Records a job that failed for good on the dead-letter stream and acknowledges its entry.</summary>
    public async Task DeadLetterAsync(JobMessage message, string reason)
    {
        await _database.StreamAddAsync(_deadLetters, [new NameValueEntry(JobField, message.JobId), new NameValueEntry("reason", reason)], maxLength: MaxLength, useApproximateMaxLength: true);
        await AcknowledgeAsync(message);
    }

    /// <summary>
    /// Jobs no worker has read yet (the group's lag; acknowledged entries stay in the stream, so its length is no measure),
    /// jobs read but not yet acknowledged, dead letters, and the age of the oldest unread entry; null while the stream or
    /// its group does not exist.
    /// </summary>
    public async Task<JobStreamDepth?> DepthAsync()
    {
        StreamGroupInfo[] groups;
        try
        {
            groups = await _database.StreamGroupInfoAsync(_stream);
        }
        catch (RedisServerException exception) when (exception.Message.Contains("no such key", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        if (groups.SingleOrDefault(info => info.Name == Group) is not { Name: not null } group)
        {
            return null;
        }
        var dead = await _database.StreamLengthAsync(_deadLetters);
        var oldestAge = TimeSpan.Zero;
        if (group.Lag is > 0 && group.LastDeliveredId is { } delivered)
        {
            var next = await _database.StreamRangeAsync(_stream, $"({delivered}", "+", count: 1);
            if (next.Length == 1 && EntryTime(next[0].Id) is { } added)
            {
                oldestAge = DateTimeOffset.UtcNow - added;
            }
        }
        return new JobStreamDepth(group.Lag ?? 0, group.PendingMessageCount, dead, oldestAge > TimeSpan.Zero ? oldestAge : TimeSpan.Zero);
    }

    public Task<StreamEntry[]> ReadDeadLettersAsync() => _database.StreamRangeAsync(_deadLetters);

    /// <summary>Waits for a published job or the poll interval, whichever comes first.</summary>
    public async Task WaitAsync(TimeSpan pollInterval, CancellationToken cancellationToken) =>
        await _wake.WaitAsync(pollInterval, cancellationToken);

    private async Task CreateGroupAsync()
    {
        try
        {
            await _database.StreamCreateConsumerGroupAsync(_stream, Group, StreamPosition.Beginning, createStream: true);
        }
        catch (RedisServerException exception) when (exception.Message.StartsWith("BUSYGROUP", StringComparison.Ordinal))
        {
            // Another replica created it first.
        }
    }

    /// <summary>A stream entry's id starts with the milliseconds at which Redis added it.</summary>
    private static DateTimeOffset? EntryTime(RedisValue id)
    {
        var text = (string?)id;
        var dash = text?.IndexOf('-') ?? -1;
        return dash > 0 && long.TryParse(text.AsSpan(0, dash), System.Globalization.CultureInfo.InvariantCulture, out var milliseconds)
            ? DateTimeOffset.FromUnixTimeMilliseconds(milliseconds)
            : null;
    }

    private void Wake()
    {
        if (_wake.CurrentCount == 0)
        {
            try
            {
                _wake.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already signalled by a concurrent publish.
            }
        }
    }
}
