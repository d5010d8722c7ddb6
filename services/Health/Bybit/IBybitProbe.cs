namespace Platform.Health.Bybit;

/// <summary>What the health service asks Bybit (replaceable in tests; docs/api-behaviour.md, 5.8).</summary>
internal interface IBybitProbe
{
    /// <summary><c>/v5/market/time</c>; throws when the exchange does not answer with retCode 0.</summary>
    Task CheckServerTimeAsync(CancellationToken cancellationToken);

    /// <summary>The latest one-minute candles of <paramref name="symbol"/>.</summary>
    Task<KlineSample> GetLatestCandlesAsync(string symbol, CancellationToken cancellationToken);
}

/// <summary>How many candles came back and the newest one's close and open time (null when the list was empty).</summary>
internal sealed record KlineSample(int Candles, decimal? LatestPrice, DateTimeOffset? LatestTime);
