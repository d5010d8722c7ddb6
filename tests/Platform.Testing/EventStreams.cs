using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Platform.Testing;

/// <summary>One block of a <c>text/event-stream</c> as it arrived: an event (type, id, data) or a comment line.</summary>
public sealed record StreamedEvent(string? Type, string? Id, string? Data, string? Comment)
{
    public bool IsComment => Comment is not null;

    public JsonElement Json => JsonDocument.Parse(Data!).RootElement.Clone();
}

/// <summary>Server-sent event streams read as a client reads them: each block as it arrives, comments too, until the server closes.</summary>
public static class EventStreams
{
    /// <summary>Opens <paramref name="path"/> as an event stream: the answer once its headers are in, its body unread.</summary>
    public static Task<HttpResponseMessage> OpenEventStreamAsync(
        this HttpClient client, string path, CancellationToken cancellationToken, string? lastEventId = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        if (lastEventId is not null)
        {
            request.Headers.Add("Last-Event-ID", lastEventId);
        }
        return client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
    }

    /// <summary>The blocks of the stream as they arrive; the enumeration ends when the server closes the stream.</summary>
    public static async IAsyncEnumerable<StreamedEvent> ReadEventsAsync(
        this HttpResponseMessage response, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken));
        string? type = null, id = null, data = null;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.StartsWith(':'))
            {
                yield return new StreamedEvent(null, null, null, line[1..].Trim());
                continue;
            }
            if (line.Length == 0)
            {
                if (data is not null)
                {
                    yield return new StreamedEvent(type, id, data, null);
                }
                (type, id, data) = (null, null, null);
                continue;
            }
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var value = colon < 0 ? "" : line[(colon + 1)..].TrimStart(' ');
            switch (colon < 0 ? line : line[..colon])
            {
                case "event":
                    type = value;
                    break;
                case "id":
                    id = value;
                    break;
                case "data":
                    data = data is null ? value : $"{data}\n{value}";
                    break;
            }
        }
    }

    /// <summary>Every event (comments left out) until the server closes the stream.</summary>
    public static async Task<List<StreamedEvent>> ReadAllEventsAsync(this HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var events = new List<StreamedEvent>();
        await foreach (var item in response.ReadEventsAsync(cancellationToken))
        {
            if (!item.IsComment)
            {
                events.Add(item);
            }
        }
        return events;
    }
}
