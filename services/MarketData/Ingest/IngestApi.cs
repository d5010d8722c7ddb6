using Microsoft.AspNetCore.Http.HttpResults;
using Platform.MarketData.Markets;
using Platform.MarketData.Uploads;

namespace Platform.MarketData.Ingest;

internal static class IngestApi
{
    /// <summary>
    /// The contract's ingest with honest counts (docs/api-behaviour.md, 4.10); <c>strict=1</c> refuses the whole file
    /// (422) on any bad row.
    /// </summary>
    public static async Task<Results<Ok<IngestReport>, ValidationProblem, ProblemHttpResult>> IngestAsync(
        string uploadId, HttpRequest http, UploadStore uploads, IngestService ingest, CancellationToken cancellationToken)
    {
        // Every field is optional, so an empty body is fine; minimal API form binding would refuse it.
        var form = http.HasFormContentType ? await http.ReadFormAsync(cancellationToken) : FormCollection.Empty;
        var request = new IngestRequest(form["symbol"], form["interval"], form["fmt"], form["strict"]);
        if (!UploadsApi.TryParseId(uploadId, out var id))
        {
            return UploadsApi.InvalidId();
        }
        if (await uploads.GetAsync(id, cancellationToken) is not { } upload)
        {
            return UploadsApi.NotFound();
        }
        if (request.Validate(upload) is not { } settings)
        {
            return TypedResults.ValidationProblem(request.Errors);
        }

        IngestOutcome outcome;
        try
        {
            outcome = await ingest.IngestAsync(upload, settings.Symbol, settings.Interval, settings.Format, settings.Strict, cancellationToken);
        }
        catch (CandleFileException exception)
        {
            return TypedResults.Problem(exception.Message, statusCode: StatusCodes.Status422UnprocessableEntity, title: "The file cannot be ingested");
        }
        if (outcome.Report is { } report)
        {
            return TypedResults.Ok(report);
        }
        return TypedResults.Problem(
            $"strict ingest refused the file: {outcome.Tally.Rejected} of {outcome.Tally.Rejected + outcome.Tally.Valid} rows are invalid; nothing was written.",
            statusCode: StatusCodes.Status422UnprocessableEntity,
            title: "Invalid rows",
            extensions: new Dictionary<string, object?> { ["rejected"] = outcome.Tally.Rejected, ["rejected_rows"] = outcome.Tally.RejectedRows });
    }
}

/// <summary>Form fields of an ingest; symbol, interval and format default to what the upload was stored with.</summary>
internal sealed record IngestRequest(string? Symbol, string? Interval, string? Fmt, string? Strict)
{
    public Dictionary<string, string[]> Errors { get; } = [];

    public IngestSettings? Validate(Upload upload)
    {
        var symbol = MarketInput.Symbol(string.IsNullOrWhiteSpace(Symbol) ? upload.Symbol : Symbol, Errors);
        var interval = MarketInput.Interval("interval", string.IsNullOrWhiteSpace(Interval) ? upload.Interval : Interval, Errors);
        var format = (string.IsNullOrWhiteSpace(Fmt) ? upload.Format : Fmt).ToLowerInvariant() switch
        {
            "csv" => CandleFileFormat.Csv,
            "jsonl" => CandleFileFormat.Jsonl,
            _ => (CandleFileFormat?)null,
        };
        if (format is null)
        {
            Errors["fmt"] = ["unsupported format: csv or jsonl."];
        }
        return Errors.Count == 0 ? new IngestSettings(symbol, interval, format!.Value, Strict is "1" or "true" or "True") : null;
    }
}

internal sealed record IngestSettings(string Symbol, Platform.Engine.Data.Interval Interval, CandleFileFormat Format, bool Strict);
