using System.Net.Http.Headers;
using System.Text.Json;
using Dapper;
using Npgsql;

namespace Platform.MarketData.Tests.Uploads;

/// <summary>Requests a user sends to upload and ingest files.</summary>
internal static class UploadRequests
{
    public static string FilePath(string name) => Path.Combine(AppContext.BaseDirectory, "Files", name);

    public static Task<HttpResponseMessage> UploadAsync(HttpClient client, string fileName, byte[] content, string? symbol = "BTCUSDT", string? interval = "60")
    {
        var form = new MultipartFormDataContent();
        if (symbol is not null)
        {
            form.Add(new StringContent(symbol), "symbol");
        }
        if (interval is not null)
        {
            form.Add(new StringContent(interval), "interval");
        }
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        return client.PostAsync("/api/v1/marketdata/upload", form);
    }

    public static async Task<string> UploadIdAsync(HttpClient client, string fileName, byte[] content, string symbol, string interval)
    {
        using var response = await UploadAsync(client, fileName, content, symbol, interval);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("upload_id").GetString()!;
    }

    public static Task<HttpResponseMessage> IngestAsync(HttpClient client, string uploadId, params (string Key, string Value)[] fields) =>
        client.PostAsync(
            $"/api/v1/marketdata/uploads/{uploadId}/ingest",
            new FormUrlEncodedContent(fields.Select(field => KeyValuePair.Create(field.Key, field.Value))));

    public static async Task<JsonElement> IngestOkAsync(HttpClient client, string uploadId, params (string Key, string Value)[] fields)
    {
        using var response = await IngestAsync(client, uploadId, fields);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static async Task<long> CountCandlesAsync(string? connectionString, string symbol, string? interval = null)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        return await connection.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM candles WHERE symbol = @Symbol AND (@Interval::text IS NULL OR interval = @Interval)",
            new { Symbol = symbol, Interval = interval });
    }
}
