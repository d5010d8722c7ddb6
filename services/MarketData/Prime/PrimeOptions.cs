namespace Platform.MarketData.Prime;

/// <summary>Settings under <c>Prime</c>.</summary>
internal sealed class PrimeOptions
{
    public const string Section = "Prime";

    /// <summary>Jobs one replica runs at once; 0 makes an API-only replica.</summary>
    public int Concurrency { get; set; } = 1;

    /// <summary>How long a silent worker keeps a job before another worker may take it over.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Attempts before a job ends <c>failed</c> on the dead-letter stream.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Largest backfill, in Bybit pages, answered synchronously with <c>wait=true</c>.</summary>
    public int SynchronousPageLimit { get; set; } = 20;

    /// <summary>Largest number of candles per interval one job may ask for.</summary>
    public int MaxCandlesPerInterval { get; set; } = 5_000_000;
}
