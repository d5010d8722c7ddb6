using System.Net.Http.Headers;

namespace Platform.MarketData.Bench;

/// <summary>A one-minute CSV file uploaded as a user uploads it: a multipart form with the file, its symbol and its interval.</summary>
internal static class CsvUpload
{
    /// <param name="headers">Headers to send besides the form's, such as a signed identity.</param>
    public static async Task<HttpResponseMessage> PostAsync(
        HttpClient client, string path, string symbol, IEnumerable<KeyValuePair<string, string>>? headers = null)
    {
        await using var file = File.OpenRead(path);
        using var form = new MultipartFormDataContent();
        var content = new StreamContent(file, 1 << 20);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(new StringContent(symbol), "symbol");
        form.Add(new StringContent("1"), "interval");
        form.Add(content, "file", Path.GetFileName(path));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/marketdata/upload") { Content = form };
        foreach (var (name, value) in headers ?? [])
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        return await client.SendAsync(request);
    }
}
