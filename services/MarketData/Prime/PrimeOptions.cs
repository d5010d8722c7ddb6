namespace Platform.MarketData.Prime;

/// <summary>Settings under <c>Prime</c>; the same section holds the <see cref="Platform.Jobs.JobQueueOptions"/> of the backfill queue.</summary>
internal sealed class PrimeOptions
{
    public const string Section = "Prime";

    /// <summary>Largest backfill, in Bybit pages, answered synchronously with <c>wait=true</c>.</summary>
    public int SynchronousPageLimit { get; set; } = 20;

    /// <summary>Largest number of candles per interval one job may ask for.</summary>
    public int MaxCandlesPerInterval { get; set; } = 5_000_000;
}
