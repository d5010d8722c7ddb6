namespace Platform.MarketData.Ingest;

/// <summary>How an uploaded candle file is written (api-contract §7.9 <c>fmt</c>); either may also be gzip-compressed.</summary>
internal enum CandleFileFormat
{
    Csv,
    Jsonl,
}
