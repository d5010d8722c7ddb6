using System.Buffers.Binary;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Platform.Candles;

/// <summary>
/// Reads candles from the market data service's internal endpoint (found by service discovery as <c>http://marketdata</c>)
/// in its compact binary rows: 56 bytes little-endian each, open time (int64 ms) then open, high, low, close, volume,
/// turnover (float64). The market data service fetches what it lacks from Bybit first.
/// </summary>
public sealed class CandleFeed(HttpClient http)
{
    public const string BinaryMediaType = "application/x-platform-candles";
    public const int RowSize = 56;

    public async Task<CandleColumns> ReadAsync(string symbol, string interval, long startMs, long endMs, CancellationToken cancellationToken)
    {
        var path = string.Create(
            CultureInfo.InvariantCulture,
            $"/internal/candles?symbol={Uri.EscapeDataString(symbol)}&interval={Uri.EscapeDataString(interval)}&start={startMs}&end={endMs}");
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(BinaryMediaType));
        // Without it the service's ProblemDetails writer would leave an error's body empty.
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/problem+json", 0.5));
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new CandleFeedException((int)response.StatusCode, await DescribeAsync(response, cancellationToken))
            {
                RetryAfter = response.Headers.RetryAfter?.Delta,
            };
        }

        var columns = new Columns();
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[RowSize * 4096];
        var filled = 0;
        int read;
        while ((read = await body.ReadAsync(buffer.AsMemory(filled), cancellationToken)) > 0)
        {
            filled += read;
            var whole = filled / RowSize * RowSize;
            columns.Add(buffer.AsSpan(0, whole));
            buffer.AsSpan(whole, filled - whole).CopyTo(buffer);
            filled -= whole;
        }
        if (filled != 0)
        {
            throw new CandleFeedException(502, $"the candle stream of {symbol} {interval} ended inside a row");
        }
        return columns.ToCandleColumns();
    }

    private static async Task<string> DescribeAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            using var problem = JsonDocument.Parse(text);
            if (problem.RootElement.TryGetProperty("detail", out var detail) && detail.ValueKind == JsonValueKind.String)
            {
                return detail.GetString()!;
            }
            if (problem.RootElement.TryGetProperty("errors", out var errors))
            {
                return errors.GetRawText();
            }
        }
        catch (JsonException)
        {
            // Not a problem document: report the status alone.
        }
        return $"market data answered {(int)response.StatusCode}";
    }

    private sealed class Columns
    {
        private readonly List<long> _openTime = [];
        private readonly List<double> _open = [];
        private readonly List<double> _high = [];
        private readonly List<double> _low = [];
        private readonly List<double> _close = [];
        private readonly List<double> _volume = [];

        public void Add(ReadOnlySpan<byte> rows)
        {
            for (var offset = 0; offset < rows.Length; offset += RowSize)
            {
                var row = rows.Slice(offset, RowSize);
                _openTime.Add(BinaryPrimitives.ReadInt64LittleEndian(row));
                _open.Add(BinaryPrimitives.ReadDoubleLittleEndian(row[8..]));
                _high.Add(BinaryPrimitives.ReadDoubleLittleEndian(row[16..]));
                _low.Add(BinaryPrimitives.ReadDoubleLittleEndian(row[24..]));
                _close.Add(BinaryPrimitives.ReadDoubleLittleEndian(row[32..]));
                _volume.Add(BinaryPrimitives.ReadDoubleLittleEndian(row[40..]));
            }
        }

        public CandleColumns ToCandleColumns() =>
            new([.. _openTime], [.. _open], [.. _high], [.. _low], [.. _close], [.. _volume]);
    }
}
