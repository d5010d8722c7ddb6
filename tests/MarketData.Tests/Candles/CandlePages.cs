using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Dapper;
using Npgsql;
using Platform.Testing;

namespace Platform.MarketData.Tests.Candles;

/// <summary>One candle as a user reads it back; <see cref="Turnover"/> null when unknown.</summary>
internal sealed record CandleValues(long OpenTime, double Open, double High, double Low, double Close, double Volume, double? Turnover);

/// <summary>One page of <c>GET /api/v1/marketdata/candles</c> as a user reads it, whatever its format.</summary>
internal sealed record CandlePageRead(List<CandleValues> Items, string? NextCursor, string? NextCursorHeader, string? Link, string ContentType, long? ContentLength);

/// <summary>Stored series a test chooses, and reading them back a page at a time in each format.</summary>
internal static class CandlePages
{
    public const long Start = 1_704_067_200_000;
    public const long Minute = 60_000;
    public const string Path = "/api/v1/marketdata/candles";

    /// <summary>The candle of one-minute bar <paramref name="minute"/> after <see cref="Start"/>: every value exact in binary, every third turnover unknown.</summary>
    public static CandleValues Bar(int minute)
    {
        var open = 100 + minute * 0.25;
        return new(Start + minute * Minute, open, open + 2, open - 1, open + 0.5, minute, minute % 3 == 0 ? null : minute * 1.5);
    }

    /// <summary>Upserts <paramref name="candles"/> in one statement, as an ingest would store them.</summary>
    public static async Task StoreAsync(string connectionString, string symbol, string interval, IReadOnlyList<CandleValues> candles, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.ExecuteAsync(new CommandDefinition(
            CandleSql.Series() + """
            INSERT INTO candle_bars (series_id, open_time, open, high, low, close, volume, turnover, source)
            SELECT series.id, bar.open_time, bar.open, bar.high, bar.low, bar.close, bar.volume, NULLIF(bar.turnover, 'NaN'), 'test'
            FROM series, unnest(@OpenTimes, @Opens, @Highs, @Lows, @Closes, @Volumes, @Turnovers) AS bar (open_time, open, high, low, close, volume, turnover)
            ON CONFLICT (series_id, open_time) DO NOTHING
            """,
            new
            {
                Symbol = symbol,
                Interval = interval,
                OpenTimes = candles.Select(candle => candle.OpenTime).ToArray(),
                Opens = candles.Select(candle => candle.Open).ToArray(),
                Highs = candles.Select(candle => candle.High).ToArray(),
                Lows = candles.Select(candle => candle.Low).ToArray(),
                Closes = candles.Select(candle => candle.Close).ToArray(),
                Volumes = candles.Select(candle => candle.Volume).ToArray(),
                Turnovers = candles.Select(candle => candle.Turnover ?? double.NaN).ToArray(),
            },
            cancellationToken: cancellationToken));
    }

    /// <summary>One page: <paramref name="query"/> as given, <paramref name="accept"/> as the <c>Accept</c> header when not null.</summary>
    public static async Task<CandlePageRead> ReadAsync(HttpClient client, string query, string? accept, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, query.StartsWith('/') ? query : $"{Path}?{query}");
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }
        using var response = await client.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {Encoding.UTF8.GetString(body)}");
        var contentType = response.Content.Headers.ContentType?.MediaType ?? "";
        var header = response.Headers.TryGetValues("X-Next-Cursor", out var cursors) ? cursors.Single() : null;
        var link = response.Headers.TryGetValues("Link", out var links) ? links.Single() : null;
        var (items, next) = contentType switch
        {
            "application/x-platform-candles" => (Binary(body), header),
            "text/csv" => (Csv(body), header),
            _ => Json(body),
        };
        return new CandlePageRead(items, next, header, link, contentType, response.Content.Headers.ContentLength);
    }

    /// <summary>
    /// Every page from the first (or from <paramref name="cursor"/>), following each page's cursor with the same query; at
    /// most <paramref name="maxPages"/>.
    /// </summary>
    public static async Task<List<CandlePageRead>> ReadAllAsync(
        HttpClient client, string query, string? accept, CancellationToken cancellationToken, string? cursor = null, int maxPages = 100)
    {
        var first = cursor is null ? query : $"{query}&cursor={Uri.EscapeDataString(cursor)}";
        var pages = new List<CandlePageRead> { await ReadAsync(client, first, accept, cancellationToken) };
        while (pages[^1].NextCursor is { } next && pages.Count < maxPages)
        {
            pages.Add(await ReadAsync(client, $"{query}&cursor={Uri.EscapeDataString(next)}", accept, cancellationToken));
        }
        Assert.Null(pages[^1].NextCursor);
        return pages;
    }

    private static (List<CandleValues>, string?) Json(byte[] body)
    {
        var page = JsonDocument.Parse(body).RootElement;
        var items = page.GetProperty("items").EnumerateArray().Select(item => new CandleValues(
            item.GetProperty("open_time").GetInt64(),
            item.GetProperty("open").GetDouble(),
            item.GetProperty("high").GetDouble(),
            item.GetProperty("low").GetDouble(),
            item.GetProperty("close").GetDouble(),
            item.GetProperty("volume").GetDouble(),
            item.GetProperty("turnover").ValueKind == JsonValueKind.Null ? null : item.GetProperty("turnover").GetDouble())).ToList();
        Assert.Equal(items.Count, page.GetProperty("count").GetInt32());
        return (items, page.GetProperty("next_cursor").GetString());
    }

    private static List<CandleValues> Csv(byte[] body)
    {
        var lines = Encoding.UTF8.GetString(body).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("open_time,open,high,low,close,volume,turnover", lines[0]);
        return [.. lines.Skip(1).Select(line => line.Split(',')).Select(cells => new CandleValues(
            long.Parse(cells[0], CultureInfo.InvariantCulture),
            double.Parse(cells[1], CultureInfo.InvariantCulture),
            double.Parse(cells[2], CultureInfo.InvariantCulture),
            double.Parse(cells[3], CultureInfo.InvariantCulture),
            double.Parse(cells[4], CultureInfo.InvariantCulture),
            double.Parse(cells[5], CultureInfo.InvariantCulture),
            cells[6].Length == 0 ? null : double.Parse(cells[6], CultureInfo.InvariantCulture)))];
    }

    private static List<CandleValues> Binary(byte[] body)
    {
        Assert.Equal(0, body.Length % 56);
        var rows = new List<CandleValues>(body.Length / 56);
        for (var offset = 0; offset < body.Length; offset += 56)
        {
            var row = body.AsSpan(offset, 56);
            var turnover = BinaryPrimitives.ReadDoubleLittleEndian(row[48..]);
            rows.Add(new CandleValues(
                BinaryPrimitives.ReadInt64LittleEndian(row),
                BinaryPrimitives.ReadDoubleLittleEndian(row[8..]),
                BinaryPrimitives.ReadDoubleLittleEndian(row[16..]),
                BinaryPrimitives.ReadDoubleLittleEndian(row[24..]),
                BinaryPrimitives.ReadDoubleLittleEndian(row[32..]),
                BinaryPrimitives.ReadDoubleLittleEndian(row[40..]),
                double.IsNaN(turnover) ? null : turnover));
        }
        return rows;
    }
}
