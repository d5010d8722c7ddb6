using System.Security.Cryptography;
using System.Text.Json;

namespace Platform.ServiceDefaults.Events;

/// <summary>The names and ids of the events of <see cref="JobEventStream{TView}"/>.</summary>
public static class JobEvents
{
    public const string StateEvent = "state";
    public const string EndEvent = "end";
    public const string ContentType = "text/event-stream";

    internal static readonly byte[] KeepAlive = ": keep-alive\n\n"u8.ToArray();

    /// <summary>The event id of a state: the first 16 hex digits of the SHA-256 of its version as JSON.</summary>
    public static string Id(object version) =>
        Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(version, version.GetType())))[..16];
}
