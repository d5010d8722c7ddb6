namespace Platform.MarketData.Candles;

/// <summary>Bodies of the stored-candle endpoints as their OpenAPI operations show them (docs/api-behaviour.md, 4.1, 4.14 and 4.16).</summary>
internal static class CandleExamples
{
    public const string StoredKlines = """
        [
          {"symbol": "BTCUSDT", "interval": "60", "open_time": 1704070800000, "open_time_dt": "2024-01-01T01:00:00+00:00", "open": 42310.5, "high": 42480.0, "low": 42250.1, "close": 42455.2, "volume": 812.4, "turnover": 34452110.7, "source": "bybit"},
          {"symbol": "BTCUSDT", "interval": "60", "open_time": 1704067200000, "open_time_dt": "2024-01-01T00:00:00+00:00", "open": 42280.0, "high": 42350.9, "low": 42190.3, "close": 42310.5, "volume": 640.2, "turnover": 27064391.2, "source": "upload:5f0c2d9e8a7b4c1d9e3f2a1b0c9d8e7f"}
        ]
        """;

    public const string Quality = """
        {
          "symbol": "BTCUSDT", "interval": "60", "start": 1704067200000, "end": 1704153600000, "stored": 22, "expected": 24, "missing": 2,
          "gaps": [{"start": 1704099600000, "end": 1704103200000, "missing_bars": 2}],
          "duplicates_removed": 3, "rejected_rows": 1, "ingests": 2
        }
        """;

    public const string StreamedCsv = """
        open_time,open,high,low,close,volume,turnover
        1704067200000,42280,42350.9,42190.3,42310.5,640.2,27064391.2

        """;

    public const string Page = """
        {
          "symbol": "BTCUSDT", "interval": "60", "count": 2, "next_cursor": "djE6QlRDVVNEVDo2MDoxNzA0MDcwODAwMDAw",
          "items": [
            {"open_time": 1704067200000, "open": 42280.0, "high": 42350.9, "low": 42190.3, "close": 42310.5, "volume": 640.2, "turnover": 27064391.2},
            {"open_time": 1704070800000, "open": 42310.5, "high": 42480.0, "low": 42250.1, "close": 42455.2, "volume": 812.4, "turnover": null}
          ]
        }
        """;

    public const string PageCsv = """
        open_time,open,high,low,close,volume,turnover
        1704067200000,42280,42350.9,42190.3,42310.5,640.2,27064391.2
        1704070800000,42310.5,42480,42250.1,42455.2,812.4,

        """;
}
