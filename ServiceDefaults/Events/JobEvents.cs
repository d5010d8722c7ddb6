using System.Security.Cryptography;
using System.Text.Json;

namespace Platform.ServiceDefaults.Events;

/// <summary>The names and ids of the events of <see cref="JobEventStream{TView}"/>.</summary>
public static class JobEvents
{
    public const string StateEvent = "state";
    public const string EndEvent = "end";
    public const string ContentType = "text/event-stream";

    /// <summary>What every job's event stream sends, for the description of its OpenAPI operation.</summary>
    public const string Description =
        "Server-sent events (`text/event-stream`): a `state` event with the job as its `GET` answers it, at once and on every change "
        + "(status, progress, estimated seconds left), then an `end` event with the final state, after which the stream closes. A "
        + "`: keep-alive` comment follows 15 s without an event. Reconnecting with `Last-Event-ID` sends the current state again; "
        + "naming the `end` event of an ended job answers 204. ";

    internal static readonly byte[] KeepAlive = ": keep-alive\n\n"u8.ToArray();

    /// <summary>The event id of a state: the first 16 hex digits of the SHA-256 of its version as JSON.</summary>
    public static string Id(object version) =>
        Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(version, version.GetType())))[..16];
}
