namespace Platform.Testing;

/// <summary>
/// SQL for tests that write the market data service's candles directly, past its candle store: rows live in
/// <c>candle_bars</c> under their series' id, and every write moves the series' version and drops its block set, as the
/// store's writes do.
/// </summary>
public static class CandleSql
{
    /// <summary>
    /// A common table expression <c>series (id)</c>: the id of the series of <paramref name="symbol"/> and
    /// <paramref name="interval"/> (SQL expressions, parameters by default), numbered on its first use, its version moved
    /// and its block set dropped.
    /// </summary>
    public static string Series(string symbol = "@Symbol", string interval = "@Interval") => $"""
        WITH series AS (
            INSERT INTO candle_series (symbol, interval, version) VALUES ({symbol}, {interval}, 1)
            ON CONFLICT (symbol, interval) DO UPDATE SET version = candle_series.version + 1, block_set = NULL
            RETURNING id)

        """;
}
