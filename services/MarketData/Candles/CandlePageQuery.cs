using System.Globalization;
using Microsoft.AspNetCore.Http.Headers;
using Platform.Engine.Data;
using Platform.MarketData.Markets;

namespace Platform.MarketData.Candles;

/// <summary>
/// The query of <c>GET /api/v1/marketdata/candles</c> (docs/api-behaviour.md, 4.16). Every value is read as text, so that
/// each error is named by its parameter in the ProblemDetails.
/// </summary>
internal sealed record CandlePageQuery(
    string? Symbol,
    string? Interval,
    string? Start,
    string? End,
    string? Limit,
    string? Cursor,
    string? Format)
{
    public const int DefaultLimit = 1_000;

    public Dictionary<string, string[]> Errors { get; } = [];

    public CandlePage? Validate(RequestHeaders headers)
    {
        var symbol = MarketInput.Symbol(Symbol, Errors);
        var interval = MarketInput.Interval("interval", Interval, Errors);
        long start = TimeParameter.MinMs;
        if (Start is not null && !TimeParameter.TryParse(Start, out start))
        {
            Errors["start"] = [$"start must be epoch milliseconds or ISO-8601, {TimeParameter.Span}."];
        }
        var end = TimeParameter.MaxMs + 1;
        if (End is not null && !TimeParameter.TryParse(End, out end))
        {
            Errors["end"] = [$"end must be epoch milliseconds or ISO-8601, {TimeParameter.Span}."];
        }
        else if (!Errors.ContainsKey("start") && start >= end)
        {
            Errors["end"] = ["end must be after start."];
        }
        if (!CandlePageFormats.TryChoose(Format, headers, out var format))
        {
            Errors["format"] = [$"format must be one of {string.Join(", ", CandlePageFormats.Names)}."];
        }
        var limit = ReadLimit(format);
        var from = Cursor is null ? start : Math.Max(start, After(symbol, interval));
        return Errors.Count == 0 ? new CandlePage(symbol, interval, from, end, limit, format) : null;
    }

    private int ReadLimit(CandlePageFormat format)
    {
        if (Limit is null)
        {
            return DefaultLimit;
        }
        var max = CandlePageFormats.MaxLimit(format);
        if (!int.TryParse(Limit, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) || limit < 1 || limit > max)
        {
            Errors["limit"] = [$"limit must be a whole number from 1 to {CandlePageFormats.MaxLimit(CandlePageFormat.Json)} "
                + $"(json, csv) or {CandlePageFormats.MaxLimit(CandlePageFormat.Binary)} (binary)."];
        }
        return limit;
    }

    /// <summary>The first open time after the cursor's position.</summary>
    private long After(string symbol, Interval interval)
    {
        if (!CandleCursor.TryParse(Cursor!, out var cursor))
        {
            Errors["cursor"] = ["cursor must be a next_cursor of this endpoint, passed unchanged."];
            return 0;
        }
        if (!Errors.ContainsKey("symbol") && !Errors.ContainsKey("interval") && !cursor.Continues(symbol, interval))
        {
            Errors["cursor"] = ["cursor was given for another symbol or interval; pass it with the symbol and interval of the page it came from."];
            return 0;
        }
        return cursor.After + 1;
    }
}

/// <summary>A validated page request: candles of the series opening in [<see cref="From"/>, <see cref="End"/>), at most <see cref="Limit"/>.</summary>
internal sealed record CandlePage(string Symbol, Interval Interval, long From, long End, int Limit, CandlePageFormat Format);
