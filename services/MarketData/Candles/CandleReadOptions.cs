namespace Platform.MarketData.Candles;

/// <summary>How the internal binary read takes a range from PostgreSQL (<c>Candles:Read</c>, docs/api-behaviour.md, 4.14).</summary>
internal sealed class CandleReadOptions
{
    public const string Section = "Candles:Read";

    /// <summary>
    /// Ranges of up to this many bars (2,000,000 by default, 107 MiB of rows) are read into memory before they are sent;
    /// larger ones are counted first and streamed.
    /// </summary>
    public long BufferedBars { get; set; } = 2_000_000;

    /// <summary>Buffered ranges of at least this many bars (100,000 by default) are read in two halves at once.</summary>
    public long HalvedBars { get; set; } = 100_000;
}
