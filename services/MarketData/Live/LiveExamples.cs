namespace Platform.MarketData.Live;

/// <summary>Bodies of the live Bybit endpoints as their OpenAPI operations show them (docs/api-behaviour.md, 4.2 and 4.3).</summary>
internal static class LiveExamples
{
    public const string Klines = """
        [
          {"open_time": 1704067200000, "open": 42280.0, "high": 42350.9, "low": 42190.3, "close": 42310.5, "volume": 640.2, "turnover": 27064391.2, "closed": true},
          {"open_time": 1704067260000, "open": 42310.5, "high": 42322.0, "low": 42301.4, "close": 42318.8, "volume": 12.7, "turnover": 537445.1, "closed": false}
        ]
        """;

    public const string Trades = """
        [
          {"time": 1704067261123, "price": 42318.8, "qty": 0.015, "side": "buy"},
          {"time": 1704067261480, "price": 42318.7, "qty": 0.2, "side": "sell"}
        ]
        """;
}
