namespace Platform.MarketData.Ingest;

/// <summary>
/// How an uploaded candle file is written (the ingest's <c>fmt</c>, docs/api-behaviour.md, 4.10); either may also be
/// gzip-compressed.
/// </summary>
internal enum CandleFileFormat
{
    Csv,
    Jsonl,
}
