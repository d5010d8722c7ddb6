using System.Globalization;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Options;
using Platform.Engine.Data;
using Polly;
using Polly.CircuitBreaker;
using Polly.RateLimiting;
using Polly.Timeout;

namespace Platform.MarketData.Bybit;

/// <summary>
/// Typed client of Bybit's public v5 market endpoints (docs/bybit.md, 2). Every failure ends as a
/// <see cref="BybitException"/>; retries, pacing and the circuit breaker live in its pipeline (<see cref="BybitResilience"/>).
/// </summary>
internal sealed class BybitClient(HttpClient http, BybitCircuit circuit, IOptions<BybitOptions> options)
{
    /// <summary>Most candles (and trades) Bybit returns per request; a larger <c>limit</c> is never sent.</summary>
    public const int PageLimit = 1000;

    private string Category => options.Value.Category;

    /// <summary>
    /// One kline request; candles ascending, de-duplicated, within [<paramref name="start"/>, <paramref name="end"/>], the
    /// still-open one (open time + interval after the envelope's <c>time</c>) flagged with <c>IsClosed = false</c>.
    /// Bybit anchors the window at <paramref name="end"/> when both bounds hold more than <paramref name="limit"/> bars (docs/bybit.md, 2.1).
    /// </summary>
    /// <param name="failFast">Fail at once when Bybit cannot be reached instead of retrying (<see cref="BybitResilience.FailFast"/>).</param>
    public async Task<KlineBatch> GetKlinesAsync(
        string symbol, Interval interval, long? start, long? end, int limit, CancellationToken cancellationToken, bool failFast = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, PageLimit);
        var path = string.Create(
            CultureInfo.InvariantCulture,
            $"/v5/market/kline?category={Category}&symbol={Uri.EscapeDataString(symbol)}&interval={interval.Code}{Bound("start", start)}{Bound("end", end)}&limit={limit}");
        var envelope = await GetAsync(path, symbol, BybitJsonContext.Default.BybitEnvelopeBybitKlineResult, cancellationToken, failFast);
        var from = start ?? long.MinValue;
        var to = end ?? long.MaxValue;
        BybitCandle[] candles =
        [
            .. (envelope.Result!.List ?? [])
                .Select(row => ParseCandle(row, interval, envelope.Time, symbol))
                .Where(candle => candle.OpenTime >= from && candle.OpenTime <= to)
                .OrderBy(candle => candle.OpenTime)
                .DistinctBy(candle => candle.OpenTime),
        ];
        return new KlineBatch(candles, envelope.Time);
    }

    /// <summary>
    /// Closed candles with open time in [start, end], ascending, one page (≤ 1000) at a time. Pages go forward with fixed
    /// bounds: page i asks for bars [first + 1000 i, first + 1000 i + 999] with both <c>start</c> and <c>end</c>, so no
    /// window holds more than the limit and Bybit's end-anchoring cannot skip bars; <see cref="CountPages"/> tells how many
    /// pages a range takes. Pages with no closed candle (before listing) are skipped; paging stops at the exchange's now.
    /// </summary>
    public async IAsyncEnumerable<IReadOnlyList<BybitCandle>> GetKlineRangeAsync(
        string symbol, Interval interval, long start, long end, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var last = interval.PeriodIndex(end);
        for (var first = FirstBar(interval, start); first <= last; first += PageLimit)
        {
            var pageEnd = interval.PeriodStart(Math.Min(first + PageLimit - 1, last));
            var batch = await GetKlinesAsync(symbol, interval, interval.PeriodStart(first), pageEnd, PageLimit, cancellationToken);
            BybitCandle[] closed = [.. batch.Candles.Where(candle => candle.IsClosed)];
            if (closed.Length > 0)
            {
                yield return closed;
            }
            if (interval.Next(pageEnd) > batch.ServerTime)
            {
                yield break;
            }
        }
    }

    /// <summary>Requests <see cref="GetKlineRangeAsync"/> sends for [start, end] when the whole range has closed.</summary>
    public static int CountPages(Interval interval, long start, long end)
    {
        var bars = interval.PeriodIndex(end) - FirstBar(interval, start) + 1;
        return bars <= 0 ? 0 : (int)((bars + PageLimit - 1) / PageLimit);
    }

    /// <summary><c>/v5/market/recent-trade</c>: the latest public trades, sorted by time then execId (docs/bybit.md, 2.2).</summary>
    public async Task<IReadOnlyList<BybitTrade>> GetRecentTradesAsync(string symbol, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, PageLimit);
        var path = string.Create(
            CultureInfo.InvariantCulture, $"/v5/market/recent-trade?category={Category}&symbol={Uri.EscapeDataString(symbol)}&limit={limit}");
        var envelope = await GetAsync(path, symbol, BybitJsonContext.Default.BybitEnvelopeBybitTradeResult, cancellationToken);
        return
        [
            .. (envelope.Result!.List ?? [])
                .Select(row => new BybitTrade(row.ExecId, ParseLong(row.Time, symbol), ParseDecimal(row.Price, symbol), ParseDecimal(row.Size, symbol), row.Side))
                .OrderBy(trade => trade.Time)
                .ThenBy(trade => trade.ExecId, StringComparer.Ordinal),
        ];
    }

    /// <summary>Bybit's clock: the envelope <c>time</c> of <c>/v5/market/time</c> (docs/bybit.md, 2.3).</summary>
    public async Task<DateTimeOffset> GetServerTimeAsync(CancellationToken cancellationToken)
    {
        var envelope = await GetAsync("/v5/market/time", null, BybitJsonContext.Default.BybitEnvelopeBybitTimeResult, cancellationToken);
        return DateTimeOffset.FromUnixTimeMilliseconds(envelope.Time);
    }

    /// <summary>
    /// Every trading instrument of the category, following <c>nextPageCursor</c> with <c>limit=1000</c> until it is empty
    /// (docs/bybit.md, 2.4; spot answers everything in one page without a cursor).
    /// </summary>
    public async Task<IReadOnlyList<BybitInstrument>> GetInstrumentsAsync(CancellationToken cancellationToken)
    {
        var instruments = new List<BybitInstrument>();
        string? cursor = null;
        while (true)
        {
            var path = $"/v5/market/instruments-info?category={Category}&limit={PageLimit}"
                + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}");
            var envelope = await GetAsync(path, null, BybitJsonContext.Default.BybitEnvelopeBybitInstrumentsResult, cancellationToken);
            var page = envelope.Result!.List ?? [];
            instruments.AddRange(page.Select(row => new BybitInstrument(
                row.Symbol,
                row.Status ?? "",
                row.BaseCoin ?? "",
                row.QuoteCoin ?? "",
                row.ContractType,
                long.TryParse(row.LaunchTime, NumberStyles.None, CultureInfo.InvariantCulture, out var launch) ? launch : null)));
            var next = envelope.Result.NextPageCursor;
            if (page.Count == 0 || string.IsNullOrEmpty(next) || next == cursor)
            {
                return instruments;
            }
            cursor = next;
        }
    }

    private async Task<BybitEnvelope<TResult>> GetAsync<TResult>(
        string path, string? symbol, JsonTypeInfo<BybitEnvelope<TResult>> typeInfo, CancellationToken cancellationToken, bool failFast = false)
        where TResult : class
    {
        await circuit.LiftExpiredBanAsync(cancellationToken);
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (symbol is not null)
        {
            request.Options.Set(BybitResponseHandler.SymbolOption, symbol);
        }
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(BybitResilience.FailFast, failFast);
        request.SetResilienceContext(context);
        try
        {
            // BybitResponseHandler has checked the HTTP status and retCode, so this is a success envelope.
            using var response = await http.SendAsync(request, cancellationToken);
            var envelope = await response.Content.ReadFromJsonAsync(typeInfo, cancellationToken);
            return envelope?.Result is null
                ? throw new BybitException(BybitErrorKind.Upstream, "Bybit answered retCode 0 without a result") { Symbol = symbol }
                : envelope;
        }
        catch (BrokenCircuitException exception)
        {
            var retryAfter = circuit.RetryAfter;
            throw new BybitException(BybitErrorKind.Unavailable, $"the circuit is open after repeated failures; retry in {retryAfter:g}", exception)
            {
                Symbol = symbol,
                RetryAfter = retryAfter,
            };
        }
        catch (TimeoutRejectedException exception)
        {
            throw new BybitException(BybitErrorKind.Upstream, $"no answer within {exception.Timeout:g}", exception) { Symbol = symbol };
        }
        catch (RateLimiterRejectedException exception)
        {
            throw new BybitException(BybitErrorKind.RateLimited, "too many Bybit requests are already queued in this process", exception) { Symbol = symbol };
        }
        catch (HttpRequestException exception)
        {
            throw new BybitException(BybitErrorKind.Upstream, $"Bybit could not be reached: {exception.Message}", exception) { Symbol = symbol };
        }
        catch (JsonException exception)
        {
            throw new BybitException(BybitErrorKind.Upstream, $"Bybit answered an unexpected result: {exception.Message}", exception) { Symbol = symbol };
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private static BybitCandle ParseCandle(string[] row, Interval interval, long serverTime, string symbol)
    {
        if (row.Length < 7)
        {
            throw new BybitException(BybitErrorKind.Upstream, $"Bybit sent a kline row of {row.Length} fields instead of 7") { Symbol = symbol };
        }
        var openTime = ParseLong(row[0], symbol);
        return new BybitCandle(
            openTime,
            ParseDecimal(row[1], symbol),
            ParseDecimal(row[2], symbol),
            ParseDecimal(row[3], symbol),
            ParseDecimal(row[4], symbol),
            ParseDecimal(row[5], symbol),
            ParseDecimal(row[6], symbol),
            IsClosed: interval.Next(openTime) <= serverTime);
    }

    private static decimal ParseDecimal(string value, string symbol) =>
        decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new BybitException(BybitErrorKind.Upstream, $"Bybit sent '{value}' where a number belongs") { Symbol = symbol };

    private static long ParseLong(string value, string symbol) =>
        long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new BybitException(BybitErrorKind.Upstream, $"Bybit sent '{value}' where a timestamp belongs") { Symbol = symbol };

    private static string Bound(string name, long? value) =>
        value is { } bound ? string.Create(CultureInfo.InvariantCulture, $"&{name}={bound}") : "";

    /// <summary>Index of the first bar opening at or after <paramref name="start"/>.</summary>
    private static long FirstBar(Interval interval, long start) => interval.PeriodIndex(start) + (interval.IsAligned(start) ? 0 : 1);
}
