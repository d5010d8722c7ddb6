using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Platform.EndToEnd.Tests.Telemetry;

/// <summary>
/// An OTLP/HTTP receiver on 127.0.0.1 (<c>POST /v1/traces</c>, <c>/v1/metrics</c>, <c>/v1/logs</c>, protobuf bodies) that
/// records which <c>service.name</c> sent which signal, as a standalone Aspire dashboard or a collector would receive them.
/// </summary>
public sealed class OtlpCollector : IAsyncDisposable
{
    public static readonly string[] Signals = ["traces", "metrics", "logs"];

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<(string Signal, string Service), int> _received = new();

    private OtlpCollector(WebApplication app) => _app = app;

    public string Endpoint { get; private set; } = "";

    public static async Task<OtlpCollector> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var collector = new OtlpCollector(app);
        app.MapPost("/v1/{signal}", collector.ReceiveAsync);
        await app.StartAsync(cancellationToken);
        collector.Endpoint = app.Urls.Single();
        return collector;
    }

    /// <summary>How many export requests of <paramref name="signal"/> named <paramref name="service"/> as their resource.</summary>
    public int Received(string signal, string service) => _received.GetValueOrDefault((signal, service));

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }

    private async Task<IResult> ReceiveAsync(string signal, HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentType != "application/x-protobuf" || !Signals.Contains(signal))
        {
            return Results.StatusCode(StatusCodes.Status415UnsupportedMediaType);
        }
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, cancellationToken);
        if (ServiceName(body.ToArray()) is { } service)
        {
            _received.AddOrUpdate((signal, service), 1, (_, count) => count + 1);
        }
        return Results.Empty;
    }

    /// <summary>
    /// The string value of the resource attribute <c>service.name</c>: a <c>KeyValue</c> message whose field 1 is the key
    /// and field 2 an <c>AnyValue</c> whose field 1 is the string (opentelemetry/proto/common/v1/common.proto).
    /// </summary>
    private static string? ServiceName(ReadOnlySpan<byte> message)
    {
        ReadOnlySpan<byte> key = [0x0A, 0x0C, .. "service.name"u8, 0x12];
        var at = message.IndexOf(key);
        if (at < 0)
        {
            return null;
        }
        var anyValue = message[(at + key.Length)..];
        // AnyValue's length, then its string_value: tag 0x0A and a one-byte length (service names are short).
        if (anyValue.Length < 3 || anyValue[1] != 0x0A || anyValue[2] >= 0x80)
        {
            return null;
        }
        var length = anyValue[2];
        return anyValue.Length < 3 + length ? null : Encoding.UTF8.GetString(anyValue.Slice(3, length));
    }
}
