using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Npgsql;
using Platform.MarketData.Ingest;
using Platform.MarketData.Markets;
using Platform.ServiceDefaults.Identity;

namespace Platform.MarketData.Uploads;

/// <summary>
/// Reads a multipart upload section by section, streaming the file into PostgreSQL as it arrives (never to a local disk,
/// never buffered whole; gzip inflated on the way only to be measured), all in one transaction that is rolled back on any
/// refusal.
/// </summary>
internal static class UploadReceiver
{
    private const int MaxFieldLength = 1024;
    private const long MultipartOverhead = 64 * 1024;

    public static async Task<Results<Ok<UploadView>, ValidationProblem, ProblemHttpResult>> ReceiveAsync(
        HttpContext context, UploadStore uploads, IOptions<UploadOptions> options, CancellationToken cancellationToken)
    {
        var maxBytes = options.Value.MaxBytes;
        if (!MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value is not { Length: > 0 } boundary)
        {
            return Invalid("file", "multipart/form-data with a file part is expected.");
        }
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = maxBytes + MultipartOverhead;
        }
        if (context.Request.ContentLength > maxBytes + MultipartOverhead)
        {
            return TooLarge($"The file is larger than the {maxBytes} bytes an upload may hold.");
        }

        var id = Guid.CreateVersion7();
        await using var connection = await uploads.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var form = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? filename = null;
        StoredContent? content = null;
        var reader = new MultipartReader(boundary, context.Request.Body);
        while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition))
            {
                continue;
            }
            var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
            if (disposition.IsFileDisposition() && name == "file" && content is null)
            {
                filename = FileNames.Sanitize(HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value);
                try
                {
                    content = await UploadStore.WriteContentAsync(connection, id, filename, section.Body, options.Value, cancellationToken);
                }
                catch (UploadTooLargeException exception)
                {
                    return TooLarge(exception.Message);
                }
            }
            else if (!disposition.IsFileDisposition())
            {
                using var text = new StreamReader(section.Body);
                var buffer = new char[MaxFieldLength];
                form[name] = new string(buffer, 0, await text.ReadBlockAsync(buffer, cancellationToken)).Trim();
            }
        }

        var errors = new Dictionary<string, string[]>();
        if (content is null || filename is null)
        {
            errors["file"] = ["a file part named 'file' is required."];
        }
        var symbol = MarketInput.Symbol(form.GetValueOrDefault("symbol"), errors);
        var interval = MarketInput.Interval("interval", form.GetValueOrDefault("interval"), errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        if (!CandleFileReader.IsAcceptedName(filename!))
        {
            return Unsupported($"'{filename}' is not an accepted upload: only CSV and JSON Lines candle files (.csv, .jsonl, optionally gzip-compressed) are.");
        }
        CandleFileFormat format;
        try
        {
            format = await CandleFileReader.SniffAsync(new MemoryStream(content!.Head), options.Value, cancellationToken);
        }
        catch (CandleFileException exception)
        {
            return TypedResults.Problem(exception.Message, statusCode: StatusCodes.Status422UnprocessableEntity, title: "The file cannot be read");
        }
        if (CandleFileReader.FormatOf(filename!) is { } named && named != format)
        {
            return Unsupported($"'{filename}' is named {named.ToString().ToLowerInvariant()} but holds {format.ToString().ToLowerInvariant()}.");
        }

        if (await UploadStore.FindByHashAsync(connection, content.Sha256, cancellationToken) is { } existing)
        {
            await transaction.RollbackAsync(cancellationToken);
            return TypedResults.Ok(UploadView.From(existing, duplicate: true));
        }
        var stored = await UploadStore.CompleteAsync(
            connection,
            new Upload(
                id, filename!, content.Size, symbol, interval.Code, format.ToString().ToLowerInvariant(), IsGzip(content.Head), content.Sha256, default,
                content.InflatedSize, Ownership.Caller(context.User)),
            cancellationToken);
        try
        {
            await transaction.CommitAsync(cancellationToken);
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            // The same file committed by a concurrent request in the meantime.
            return TypedResults.Ok(UploadView.From((await UploadStore.FindByHashAsync(connection, content.Sha256, cancellationToken))!, duplicate: true));
        }
        return TypedResults.Ok(UploadView.From(stored));
    }

    private static bool IsGzip(byte[] head) => head is [0x1F, 0x8B, ..];

    private static ProblemHttpResult Unsupported(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported file type");

    private static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });

    private static ProblemHttpResult TooLarge(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status413PayloadTooLarge, title: "Upload too large");
}
