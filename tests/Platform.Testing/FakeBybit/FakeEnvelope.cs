using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Platform.Testing.FakeBybit;

/// <summary>Writes Bybit's envelope with its exact key order: retCode, retMsg, result, retExtInfo, time (docs/bybit.md, 1.2).</summary>
internal static class FakeEnvelope
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Task WriteAsync(HttpContext context, long time, Action<Utf8JsonWriter> writeResult, CancellationToken cancellationToken) =>
        WriteAsync(context, 0, "OK", writeResult, time, cancellationToken);

    /// <summary>A business error: HTTP 200, <c>retCode</c> ≠ 0 and an empty <c>result</c> object.</summary>
    public static Task WriteErrorAsync(HttpContext context, int retCode, string retMsg, long time, CancellationToken cancellationToken) =>
        WriteAsync(context, retCode, retMsg, _ => { }, time, cancellationToken);

    /// <summary>Bybit sends prices and sizes as strings without trailing zeros (<c>"17071.5"</c>).</summary>
    public static string Text(decimal value) => value.ToString("0.############", CultureInfo.InvariantCulture);

    public static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static async Task WriteAsync(
        HttpContext context, int retCode, string retMsg, Action<Utf8JsonWriter> writeResult, long time, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteNumber("retCode", retCode);
            json.WriteString("retMsg", retMsg);
            json.WriteStartObject("result");
            writeResult(json);
            json.WriteEndObject();
            json.WriteStartObject("retExtInfo");
            json.WriteEndObject();
            json.WriteNumber("time", time);
            json.WriteEndObject();
        }
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.Body.WriteAsync(buffer.WrittenMemory, cancellationToken);
    }
}
