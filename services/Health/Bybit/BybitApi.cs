using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Platform.Health.Monitoring;
using Platform.ServiceDefaults.OpenApi;

namespace Platform.Health.Bybit;

internal static class BybitApi
{
    /// <summary>
    /// <c>GET /api/v1/health/bybit</c>, the newest candle per symbol and the success rate; always 200
    /// (docs/api-behaviour.md, 5.2).
    /// </summary>
    public static RouteGroupBuilder MapBybitApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/health").WithTags("Health");
        group.MapGet("/bybit", GetBybitAsync)
            .WithName("Bybit")
            .Documented(
                "Ten one-minute klines of each configured symbol from Bybit",
                "For each of `Health:BybitSymbols` (default BTCUSDT, ETHUSDT, SOLUSDT): `ok` with the newest candle's price and time, or "
                + "`error` with the reason. Always 200, with the success rate in percent.")
            .WithResponseExample(HealthExamples.Bybit);
        return group;
    }

    private static async Task<Ok<BybitReport>> GetBybitAsync(
        IBybitProbe bybit, TimedProbe probe, IOptions<HealthOptions> options, TimeProvider clock, CancellationToken cancellationToken)
    {
        var symbols = options.Value.Symbols;
        var results = await Task.WhenAll(symbols.Select(symbol => SampleAsync(symbol, bybit, probe, clock, cancellationToken)));
        var successful = results.Count(result => result.Status == SymbolResult.StatusOk);
        return TypedResults.Ok(new BybitReport(
            clock.GetUtcNow(),
            Math.Round(100.0 * successful / results.Length, 2),
            successful,
            results.Length,
            symbols.Zip(results).ToDictionary(pair => pair.First, pair => pair.Second, StringComparer.Ordinal)));
    }

    private static async Task<SymbolResult> SampleAsync(
        string symbol, IBybitProbe bybit, TimedProbe probe, TimeProvider clock, CancellationToken cancellationToken)
    {
        KlineSample? sample = null;
        var report = await probe.RunAsync(
            symbol, ComponentStatus.Unhealthy, async token => sample = await bybit.GetLatestCandlesAsync(symbol, token), cancellationToken);
        return sample is { } candles && report.IsUp
            ? new SymbolResult(SymbolResult.StatusOk, candles.Candles, report.ResponseTimeMs, candles.LatestPrice, candles.LatestTime, null)
            : new SymbolResult(SymbolResult.StatusError, null, report.ResponseTimeMs, null, null, report.Detail);
    }
}

internal sealed record BybitReport(
    DateTimeOffset Timestamp, double SuccessRate, int Successful, int Total, IReadOnlyDictionary<string, SymbolResult> Results);

internal sealed record SymbolResult(
    string Status,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Candles,
    double ResponseTimeMs,
    decimal? LatestPrice,
    DateTimeOffset? LatestTime,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Error)
{
    public const string StatusOk = "ok";
    public const string StatusError = "error";
}
