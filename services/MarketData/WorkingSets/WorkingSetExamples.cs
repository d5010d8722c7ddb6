namespace Platform.MarketData.WorkingSets;

/// <summary>Bodies of the working-set endpoints as their OpenAPI operations show them (docs/api-behaviour.md, 4.5, 4.6 and 4.13).</summary>
internal static class WorkingSetExamples
{
    public const string WorkingSet = """
        [
          {"time": 1704067200, "open": 42280.0, "high": 42350.9, "low": 42190.3, "close": 42310.5, "volume": 640.2},
          {"time": 1704068100, "open": 42310.5, "high": 42402.0, "low": 42288.1, "close": 42390.0, "volume": 402.9}
        ]
        """;

    public const string MultiTimeframe = """
        {
          "symbol": "BTCUSDT", "intervals": ["15", "60"],
          "data": {
            "15": [{"time": 1704067200, "open": 42280.0, "high": 42350.9, "low": 42190.3, "close": 42310.5, "volume": 640.2}],
            "60": [{"time": 1704067200, "open": 42280.0, "high": 42480.0, "low": 42190.3, "close": 42455.2, "volume": 2210.7}]
          }
        }
        """;

    public const string Reset = """
        {
          "symbol": "BTCUSDT", "intervals": ["15", "60"], "ram_working_set": {"15": 500, "60": 0},
          "states": {
            "15": {"state": "reloaded", "candles": 500, "purged_candles": null, "error": null},
            "60": {"state": "failed", "candles": 0, "purged_candles": null, "error": "Bybit request failed: timeout"}
          }
        }
        """;
}
