using System.Net;
using System.Text.Json;

namespace Platform.Health.Tests.Appendix;

/// <summary>GETs an appendix path under a timeout and parses the body, whatever the status.</summary>
internal static class AppendixClient
{
    private static readonly TimeSpan TestTimeout = TimeSpan.FromSeconds(30);

    public static async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(HttpClient client, string path)
    {
        using var cancellation = new CancellationTokenSource(TestTimeout);
        using var response = await client.GetAsync(path, cancellation.Token);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellation.Token)).RootElement;
        return (response.StatusCode, body);
    }

    public static IReadOnlyList<string?> Alerts(JsonElement body) =>
        [.. body.GetProperty("alerts").EnumerateArray().Select(alert => alert.GetString())];
}
