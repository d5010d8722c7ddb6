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

        // The market data service announces the length of binary answers (docs/api-behaviour.md, 4.14), so the columns
        // are allocated once at their final size.
        var columns = new Columns(response.Content.Headers.ContentLength / RowSize);
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

    /// <summary>
    /// The engine's columns, filled in place as rows arrive: sized once when the row count is known, otherwise grown by
    /// doubling and trimmed once at the end, one column at a time, so that at most one column is ever held twice.
    /// </summary>
    private sealed class Columns
    {
        private const int UnknownCountCapacity = 4096;

        private long[] _openTime;
        private double[] _open;
        private double[] _high;
        private double[] _low;
        private double[] _close;
        private double[] _volume;
        private int _count;

        public Columns(long? rows)
        {
            var capacity = rows is { } known ? (int)Math.Min(known, Array.MaxLength) : UnknownCountCapacity;
            _openTime = new long[capacity];
            _open = new double[capacity];
            _high = new double[capacity];
            _low = new double[capacity];
            _close = new double[capacity];
            _volume = new double[capacity];
        }

        public void Add(ReadOnlySpan<byte> rows)
        {
            var needed = _count + rows.Length / RowSize;
            if (needed > _openTime.Length)
            {
                Resize((int)Math.Min(Math.Max(needed, 2L * _openTime.Length), Array.MaxLength));
            }
            for (var offset = 0; offset < rows.Length; offset += RowSize, _count++)
            {
                var row = rows.Slice(offset, RowSize);
                _openTime[_count] = BinaryPrimitives.ReadInt64LittleEndian(row);
                _open[_count] = BinaryPrimitives.ReadDoubleLittleEndian(row[8..]);
                _high[_count] = BinaryPrimitives.ReadDoubleLittleEndian(row[16..]);
                _low[_count] = BinaryPrimitives.ReadDoubleLittleEndian(row[24..]);
                _close[_count] = BinaryPrimitives.ReadDoubleLittleEndian(row[32..]);
                _volume[_count] = BinaryPrimitives.ReadDoubleLittleEndian(row[40..]);
            }
        }

        public CandleColumns ToCandleColumns()
        {
            if (_count != _openTime.Length)
            {
                Resize(_count);
            }
            return new CandleColumns(_openTime, _open, _high, _low, _close, _volume);
        }

        private void Resize(int capacity)
        {
            Array.Resize(ref _openTime, capacity);
            Array.Resize(ref _open, capacity);
            Array.Resize(ref _high, capacity);
            Array.Resize(ref _low, capacity);
            Array.Resize(ref _close, capacity);
            Array.Resize(ref _volume, capacity);
        }
    }
}
