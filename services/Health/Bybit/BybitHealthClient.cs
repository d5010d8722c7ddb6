using System.Globalization;
using System.Text.Json;
using Platform.Health.Monitoring;

namespace Platform.Health.Bybit;

/// <summary>A small typed client for the two public endpoints the health checks need (docs/bybit.md, 2.1 and 2.3).</summary>
internal sealed class BybitHealthClient(HttpClient http) : IBybitProbe
{
    private const int SampleSize = 10;

    public async Task CheckServerTimeAsync(CancellationToken cancellationToken)
    {
        using var envelope = await GetAsync("/v5/market/time", cancellationToken);
    }

    public async Task<KlineSample> GetLatestCandlesAsync(string symbol, CancellationToken cancellationToken)
    {
        using var envelope = await GetAsync(
            $"/v5/market/kline?category=linear&symbol={Uri.EscapeDataString(symbol)}&interval=1&limit={SampleSize}", cancellationToken);
        var rows = envelope.RootElement.GetProperty("result").GetProperty("list");
        // Bybit lists newest first; the maximum open time is taken rather than trusting the order.
        var newest = rows.EnumerateArray()
            .Select(row => (OpenTime: long.Parse(row[0].GetString()!, CultureInfo.InvariantCulture), Close: row[4].GetString()!))
            .DefaultIfEmpty()
            .MaxBy(row => row.OpenTime);
        return newest.Close is null
            ? new KlineSample(0, null, null)
            : new KlineSample(
                rows.GetArrayLength(),
                decimal.Parse(newest.Close, NumberStyles.Float, CultureInfo.InvariantCulture),
                DateTimeOffset.FromUnixTimeMilliseconds(newest.OpenTime));
    }

    private async Task<JsonDocument> GetAsync(string pathAndQuery, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(new Uri(pathAndQuery, UriKind.Relative), cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new ProbeFailedException($"Bybit answered HTTP {(int)response.StatusCode}");
        }
        var document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
        var retCode = document.RootElement.GetProperty("retCode").GetInt32();
        if (retCode != 0)
        {
            document.Dispose();
            throw new ProbeFailedException($"Bybit answered retCode {retCode.ToString(CultureInfo.InvariantCulture)}");
        }
        return document;
    }
}
