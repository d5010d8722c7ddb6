using Microsoft.AspNetCore.Http;

namespace Platform.MarketData.Uploads;

/// <summary>The form an upload is sent as, as its OpenAPI operation describes it; the receiver streams the parts itself.</summary>
internal sealed record UploadForm(IFormFile File, string Symbol, string Interval);

/// <summary>The optional form fields of an ingest, as its OpenAPI operation describes them.</summary>
internal sealed record IngestForm(string? Symbol, string? Interval, string? Fmt, string? Strict);
