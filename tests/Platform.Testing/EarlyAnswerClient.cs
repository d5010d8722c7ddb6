using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Platform.Testing;

/// <summary>An HTTP answer as <see cref="EarlyAnswerClient"/> read it, with how much of the body had gone out by then.</summary>
public sealed record EarlyAnswer(int Status, IReadOnlyDictionary<string, string> Headers, string Body, long BodyBytesSent);

/// <summary>
/// POSTs a chunked body over a plain socket as RFC 9112 (9.6) asks of a client: it reads while it sends, and stops sending
/// once an answer arrives. HttpClient reads only after it has sent the whole body, so the answer of a server that refuses a
/// body mid-way and closes the connection reaches it as a reset connection instead.
/// </summary>
public static class EarlyAnswerClient
{
    private const int ChunkSize = 64 * 1024;

    public static async Task<EarlyAnswer> PostChunkedAsync(
        Uri server, string path, string apiKey, HttpContent content, CancellationToken cancellationToken)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(server.Host, server.Port, cancellationToken);
        var connection = tcp.GetStream();
        var head = $"POST {path} HTTP/1.1\r\nHost: {server.Authority}\r\nX-API-Key: {apiKey}\r\n"
            + $"Content-Type: {content.Headers.ContentType}\r\nTransfer-Encoding: chunked\r\n\r\n";
        await connection.WriteAsync(Encoding.ASCII.GetBytes(head), cancellationToken);

        var answered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var reading = ReadAnswerAsync(connection, answered, cancellationToken);
        long sent = 0;
        try
        {
            await using var body = await content.ReadAsStreamAsync(cancellationToken);
            var buffer = new byte[ChunkSize];
            int read;
            while (!answered.Task.IsCompleted && (read = await body.ReadAsync(buffer, cancellationToken)) > 0)
            {
                await connection.WriteAsync(Encoding.ASCII.GetBytes(read.ToString("x", CultureInfo.InvariantCulture) + "\r\n"), cancellationToken);
                await connection.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                await connection.WriteAsync("\r\n"u8.ToArray(), cancellationToken);
                sent += read;
            }
            if (!answered.Task.IsCompleted)
            {
                await connection.WriteAsync("0\r\n\r\n"u8.ToArray(), cancellationToken);
            }
        }
        catch (IOException)
        {
            // The server closed the connection: what it answered before is read below.
        }
        var (status, headers, text) = await reading;
        return new EarlyAnswer(status, headers, text, sent);
    }

    /// <summary>Reads one answer (its body by <c>Content-Length</c> or chunked), signalling its first byte.</summary>
    private static async Task<(int Status, Dictionary<string, string> Headers, string Body)> ReadAnswerAsync(
        NetworkStream connection, TaskCompletionSource answered, CancellationToken cancellationToken)
    {
        var received = new List<byte>();
        var buffer = new byte[ChunkSize];
        while (true)
        {
            int read;
            try
            {
                read = await connection.ReadAsync(buffer, cancellationToken);
            }
            catch (IOException)
            {
                read = 0;
            }
            if (read == 0)
            {
                return Parse([.. received]) ?? throw new IOException($"The connection closed after {received.Count} bytes of an answer.");
            }
            answered.TrySetResult();
            received.AddRange(buffer.AsSpan(0, read));
            if (Parse([.. received]) is { } complete)
            {
                return complete;
            }
        }
    }

    /// <summary>The answer in <paramref name="bytes"/>, or null while it is incomplete.</summary>
    private static (int Status, Dictionary<string, string> Headers, string Body)? Parse(byte[] bytes)
    {
        // Latin-1 keeps one character per byte, so that the lengths of the framing count bytes.
        var text = Encoding.Latin1.GetString(bytes);
        var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (end < 0)
        {
            return null;
        }
        var lines = text[..end].Split("\r\n");
        var status = int.Parse(lines[0].Split(' ')[1], CultureInfo.InvariantCulture);
        var headers = lines.Skip(1).Select(line => line.Split(':', 2))
            .ToDictionary(pair => pair[0].Trim(), pair => pair[1].Trim(), StringComparer.OrdinalIgnoreCase);
        var rest = text[(end + 4)..];
        if (headers.TryGetValue("Content-Length", out var length))
        {
            var size = int.Parse(length, CultureInfo.InvariantCulture);
            return rest.Length >= size ? (status, headers, Utf8(rest[..size])) : null;
        }
        var body = new StringBuilder();
        while (rest.IndexOf("\r\n", StringComparison.Ordinal) is var sizeEnd and >= 0)
        {
            var size = int.Parse(rest[..sizeEnd], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            if (size == 0)
            {
                return (status, headers, Utf8(body.ToString()));
            }
            if (rest.Length < sizeEnd + 2 + size + 2)
            {
                return null;
            }
            body.Append(rest, sizeEnd + 2, size);
            rest = rest[(sizeEnd + 2 + size + 2)..];
        }
        return null;
    }

    private static string Utf8(string latin1) => Encoding.UTF8.GetString(Encoding.Latin1.GetBytes(latin1));
}
