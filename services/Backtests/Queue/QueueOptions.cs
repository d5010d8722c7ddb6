namespace Platform.Backtests.Queue;

/// <summary>Settings under <c>Backtests:Queue</c>.</summary>
internal sealed class QueueOptions
{
    public const string Section = "Backtests:Queue";

    /// <summary>Runs one replica executes at once; 0 makes an API-only replica.</summary>
    public int Concurrency { get; set; } = 2;

    /// <summary>How long a silent worker keeps a run before another worker may take it over.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Attempts before a run ends <c>failed</c> on the dead-letter stream.</summary>
    public int MaxAttempts { get; set; } = 3;
}
