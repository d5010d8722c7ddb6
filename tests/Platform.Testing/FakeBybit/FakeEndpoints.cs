using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Platform.Testing.FakeBybit;

/// <summary>The four public endpoints of docs/bybit.md, 2, answered from <see cref="FakeMarket"/> and the server's settings.</summary>
internal sealed class FakeEndpoints(FakeBybitServer server)
{
    private const int MaxLimit = 1000;

    public Task AnswerAsync(HttpContext context, bool emptyList, CancellationToken cancellationToken)
    {
        var answer = new Answer(context, server.NowMilliseconds, cancellationToken);
        switch (context.Request.Path.Value)
        {
            case FakeBybitServer.KlinePath:
                return KlineAsync(answer, emptyList);
            case FakeBybitServer.RecentTradePath:
                return RecentTradeAsync(answer, emptyList);
            case FakeBybitServer.TimePath:
                return answer.OkAsync(json =>
                {
                    json.WriteString("timeSecond", FakeEnvelope.Text(answer.Now / 1000));
                    json.WriteString("timeNano", FakeEnvelope.Text(answer.Now * 1_000_000));
                });
            case FakeBybitServer.InstrumentsPath:
                return InstrumentsAsync(answer, emptyList);
            default:
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
        }
    }

    /// <summary>
    /// docs/bybit.md, 2.1: both bounds inclusive; with <c>end</c> (or no bound) the newest <c>limit</c> bars up to it, with only <c>start</c>
    /// the oldest <c>limit</c> from it; the bar containing an unaligned <c>start</c> is included, as ccxt observed; nothing
    /// before the listing time or after the still-open bar; newest first.
    /// </summary>
    private Task KlineAsync(Answer answer, bool emptyList)
    {
        if (answer.Category(required: false) is not { } category || answer.Symbol() is not { } symbol)
        {
            return answer.ParamsErrorAsync("symbol or category invalid");
        }
        if (server.IsUnknown(symbol))
        {
            return answer.NotSupportedSymbolAsync();
        }
        if (!FakeInterval.TryParse(answer.Query("interval"), out var interval))
        {
            return answer.ParamsErrorAsync("intervalTime is invalid");
        }
        if (!answer.TryNumber("start", out var start) || !answer.TryNumber("end", out var end) || !answer.TryLimit(200, MaxLimit, out var limit))
        {
            return answer.ParamsErrorAsync("start, end or limit invalid");
        }

        var listing = server.ListingTimeOf(symbol).ToUnixTimeMilliseconds();
        var first = interval.Floor(listing) < listing ? interval.Next(interval.Floor(listing)) : listing;
        var low = start is { } from ? Math.Max(first, interval.Floor(from)) : first;
        var high = interval.Floor(Math.Min(end ?? long.MaxValue, answer.Now));
        var openTimes = new List<long>();
        if (!emptyList && start is not null && end is null)
        {
            for (var time = low; time <= high && openTimes.Count < limit; time = interval.Next(time))
            {
                openTimes.Add(time);
            }
            openTimes.Reverse();
        }
        else if (!emptyList)
        {
            for (var time = high; time >= low && openTimes.Count < limit; time = interval.Previous(time))
            {
                openTimes.Add(time);
            }
        }
        return answer.OkAsync(json =>
        {
            json.WriteString("symbol", symbol);
            json.WriteString("category", category);
            json.WriteStartArray("list");
            foreach (var candle in openTimes.Select(time => FakeMarket.Candle(symbol, time)))
            {
                json.WriteStartArray();
                json.WriteStringValue(FakeEnvelope.Text(candle.OpenTime));
                json.WriteStringValue(FakeEnvelope.Text(candle.Open));
                json.WriteStringValue(FakeEnvelope.Text(candle.High));
                json.WriteStringValue(FakeEnvelope.Text(candle.Low));
                json.WriteStringValue(FakeEnvelope.Text(candle.Close));
                json.WriteStringValue(FakeEnvelope.Text(candle.Volume));
                json.WriteStringValue(FakeEnvelope.Text(candle.Turnover));
                json.WriteEndArray();
            }
            json.WriteEndArray();
        });
    }

    /// <summary>docs/bybit.md, 2.2: category required; limit spot [1, 60] default 60, others [1, 1000] default 500; newest first.</summary>
    private Task RecentTradeAsync(Answer answer, bool emptyList)
    {
        if (answer.Category(required: true) is not { } category || answer.Symbol() is not { } symbol)
        {
            return answer.ParamsErrorAsync("symbol or category invalid");
        }
        if (server.IsUnknown(symbol))
        {
            return answer.NotSupportedSymbolAsync();
        }
        var spot = category == "spot";
        if (!answer.TryLimit(spot ? 60 : 500, spot ? 60 : MaxLimit, out var limit))
        {
            return answer.ParamsErrorAsync("limit invalid");
        }
        var trades = emptyList ? [] : FakeMarket.Trades(symbol, answer.Now, limit);
        return answer.OkAsync(json =>
        {
            json.WriteString("category", category);
            json.WriteStartArray("list");
            foreach (var trade in trades)
            {
                json.WriteStartObject();
                json.WriteString("execId", trade.ExecId);
                json.WriteString("symbol", symbol);
                json.WriteString("price", FakeEnvelope.Text(trade.Price));
                json.WriteString("size", FakeEnvelope.Text(trade.Size));
                json.WriteString("side", trade.Side);
                json.WriteString("time", FakeEnvelope.Text(trade.Time));
                json.WriteBoolean("isBlockTrade", false);
                json.WriteBoolean("isRPITrade", false);
                json.WriteString("seq", FakeEnvelope.Text(trade.Time));
                json.WriteEndObject();
            }
            json.WriteEndArray();
        });
    }

    /// <summary>
    /// docs/bybit.md, 2.4: only <c>Trading</c> unless <c>status</c> says otherwise; linear/inverse pages of <c>limit</c> (default 500) with an
    /// opaque URL-encoded <c>nextPageCursor</c>, <c>""</c> on the last page; spot everything at once without the key.
    /// </summary>
    private Task InstrumentsAsync(Answer answer, bool emptyList)
    {
        if (answer.Category(required: true) is not { } category || !answer.TryLimit(500, MaxLimit, out var limit))
        {
            return answer.ParamsErrorAsync("category or limit invalid");
        }
        var status = answer.Query("status") ?? "Trading";
        var symbol = answer.Query("symbol");
        var matching = server.Instruments
            .Where(instrument => instrument.Status == status && (symbol is null || instrument.Symbol == symbol))
            .ToList();
        var spot = category == "spot";
        var offset = 0;
        if (!spot && answer.Query("cursor") is { Length: > 0 } cursor)
        {
            var last = Uri.UnescapeDataString(cursor).Split('&').FirstOrDefault(part => part.StartsWith("last=", StringComparison.Ordinal))?[5..];
            offset = matching.FindIndex(instrument => instrument.Symbol == last) + 1;
            if (offset == 0)
            {
                return answer.ParamsErrorAsync("cursor invalid");
            }
        }
        var page = emptyList ? [] : spot ? matching : matching.Skip(offset).Take(limit).ToList();
        var more = !spot && page.Count > 0 && offset + page.Count < matching.Count;
        return answer.OkAsync(json =>
        {
            json.WriteString("category", category);
            json.WriteStartArray("list");
            foreach (var instrument in page)
            {
                WriteInstrument(json, instrument, spot);
            }
            json.WriteEndArray();
            if (!spot)
            {
                json.WriteString("nextPageCursor", more ? Uri.EscapeDataString($"first={page[0].Symbol}&last={page[^1].Symbol}") : "");
            }
        });
    }

    private static void WriteInstrument(Utf8JsonWriter json, FakeInstrument instrument, bool spot)
    {
        json.WriteStartObject();
        json.WriteString("symbol", instrument.Symbol);
        if (!spot)
        {
            json.WriteString("contractType", "LinearPerpetual");
        }
        json.WriteString("status", instrument.Status);
        json.WriteString("baseCoin", instrument.BaseCoin);
        json.WriteString("quoteCoin", instrument.QuoteCoin);
        if (!spot)
        {
            json.WriteString("launchTime", FakeEnvelope.Text(instrument.LaunchTime));
            json.WriteString("deliveryTime", "0");
            json.WriteString("deliveryFeeRate", "");
            json.WriteString("priceScale", "2");
        }
        json.WriteStartObject("priceFilter");
        json.WriteString("tickSize", "0.01");
        json.WriteEndObject();
        json.WriteStartObject("lotSizeFilter");
        json.WriteString("minOrderQty", "0.001");
        json.WriteString("maxOrderQty", "1000");
        json.WriteEndObject();
        if (!spot)
        {
            json.WriteBoolean("unifiedMarginTrade", true);
            json.WriteNumber("fundingInterval", 480);
            json.WriteString("settleCoin", instrument.QuoteCoin);
            json.WriteBoolean("isPreListing", false);
            json.WriteNull("preListingInfo");
        }
        json.WriteString("symbolType", "");
        json.WriteEndObject();
    }

    /// <summary>One request being answered: its query, the fake's now, and the ways to answer it.</summary>
    private sealed class Answer(HttpContext context, long now, CancellationToken cancellationToken)
    {
        public long Now { get; } = now;

        public string? Query(string name) => context.Request.Query.TryGetValue(name, out var values) ? values[0] : null;

        /// <summary>Upper-case letters and digits only (docs/bybit.md, 1.1); lower case is not accepted.</summary>
        public string? Symbol() => Query("symbol") is { Length: > 0 } symbol && symbol.All(character => char.IsAsciiDigit(character) || char.IsAsciiLetterUpper(character))
            ? symbol
            : null;

        /// <summary>Kline defaults to <c>linear</c>; the other endpoints require the parameter.</summary>
        public string? Category(bool required) => Query("category") switch
        {
            null when !required => "linear",
            var category when category is "spot" or "linear" or "inverse" => category,
            _ => null,
        };

        public bool TryNumber(string name, out long? value)
        {
            value = null;
            if (Query(name) is not { } text)
            {
                return true;
            }
            if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                return false;
            }
            value = number;
            return true;
        }

        public bool TryLimit(int fallback, int max, out int limit)
        {
            limit = fallback;
            return Query("limit") is not { } text
                || (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out limit) && limit is >= 1 && limit <= max);
        }

        public Task OkAsync(Action<Utf8JsonWriter> writeResult) => FakeEnvelope.WriteAsync(context, Now, writeResult, cancellationToken);

        public Task ParamsErrorAsync(string what) => FakeEnvelope.WriteErrorAsync(context, 10001, $"params error: {what}", Now, cancellationToken);

        /// <summary>What kline answers for a symbol Bybit does not list (docs/bybit.md, 3.1; quoted by ccxt).</summary>
        public Task NotSupportedSymbolAsync() => FakeEnvelope.WriteErrorAsync(context, 10001, "Not supported symbols", Now, cancellationToken);
    }
}
