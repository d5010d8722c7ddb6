using System.Diagnostics.Metrics;
using Platform.MarketData.Bybit;

namespace Platform.MarketData.Candles;

/// <summary>Counters of the candle store and of ingests on the <c>Platform.MarketData</c> meter, exported on <c>/metrics</c>.</summary>
internal sealed class CandleMetrics
{
    private readonly Counter<long> _stored;
    private readonly Counter<long> _rejected;

    public CandleMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(BybitMetrics.MeterName);
        _stored = meter.CreateCounter<long>(
            "marketdata.candles.stored", "{candle}", "Candles inserted or changed in the store, by origin (bybit, upload).");
        _rejected = meter.CreateCounter<long>(
            "marketdata.ingest.rejected_rows", "{row}", "Upload rows that failed validation during an ingest.");
    }

    public void RecordStored(string origin, UpsertCounts counts) =>
        _stored.Add(counts.Inserted + counts.Updated, new KeyValuePair<string, object?>("origin", origin));

    public void RecordRejected(long rows) => _rejected.Add(rows);
}
