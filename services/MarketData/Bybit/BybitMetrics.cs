using System.Diagnostics.Metrics;

namespace Platform.MarketData.Bybit;

/// <summary>Counters of the Bybit client on the <c>Platform.MarketData</c> meter, exported on <c>/metrics</c>.</summary>
internal sealed class BybitMetrics
{
    public const string MeterName = "Platform.MarketData";

    private readonly Counter<long> _requests;
    private readonly Counter<long> _retries;
    private readonly Counter<long> _rateLimitHits;

    public BybitMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _requests = meter.CreateCounter<long>(
            "marketdata.bybit.requests", "{request}", "Requests sent to Bybit, by endpoint and outcome (ok, http_<status>, retcode_<code>, error).");
        _retries = meter.CreateCounter<long>(
            "marketdata.bybit.retries", "{retry}", "Bybit requests sent again after a transient failure, by reason.");
        _rateLimitHits = meter.CreateCounter<long>(
            "marketdata.bybit.rate_limit_hits", "{answer}", "Bybit answers saying the rate limit was hit (retCode 10006/10018, HTTP 429, HTTP 403 ban).");
    }

    public void RecordRequest(string endpoint, string outcome) =>
        _requests.Add(1, new KeyValuePair<string, object?>("endpoint", endpoint), new KeyValuePair<string, object?>("outcome", outcome));

    public void RecordRetry(string reason) => _retries.Add(1, new KeyValuePair<string, object?>("reason", reason));

    public void RecordRateLimitHit(string answer) => _rateLimitHits.Add(1, new KeyValuePair<string, object?>("answer", answer));
}
