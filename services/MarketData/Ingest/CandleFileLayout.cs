namespace Platform.MarketData.Ingest;

/// <summary>Names of the layouts the reader recognizes (docs/bybit.md, 5), reported back to the uploader.</summary>
internal static class CandleFileLayout
{
    /// <summary>A CSV header naming a time column and open, high, low, close in any order.</summary>
    public const string Generic = "generic";

    /// <summary>data.binance.vision klines: 12 columns, with or without their header, ms or µs.</summary>
    public const string BinanceKline = "binance_kline";

    /// <summary>A Bybit v5 kline <c>result.list</c> written as CSV: <c>timestamp,open,high,low,close,volume,turnover</c>.</summary>
    public const string BybitApi = "bybit_api";

    /// <summary>TradingView "Export chart data": <c>time,open,high,low,close</c>, then volume and indicator plots.</summary>
    public const string TradingView = "tradingview";

    /// <summary>A pandas/freqtrade frame written with <c>to_csv</c>: a <c>date</c> column with its UTC offset.</summary>
    public const string Pandas = "pandas";

    /// <summary>JSON Lines of objects keyed like the CSV columns.</summary>
    public const string Jsonl = "jsonl";

    /// <summary>JSON Lines of arrays <c>[time, open, high, low, close, volume?, turnover?]</c>.</summary>
    public const string JsonlArray = "jsonl_array";
}
