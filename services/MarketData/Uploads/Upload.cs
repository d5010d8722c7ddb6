namespace Platform.MarketData.Uploads;

/// <summary>
/// An uploaded file's metadata row; the content is in <c>upload_chunks</c>. <see cref="InflatedSize"/> is the size of its
/// text after gunzip (up to any damage), null for uploads stored before it was measured; <see cref="Owner"/> the name of
/// the caller who uploaded it, null for uploads stored before owners were recorded.
/// </summary>
internal sealed record Upload(
    Guid Id,
    string Filename,
    long Size,
    string Symbol,
    string Interval,
    string Format,
    bool Compressed,
    byte[] Sha256,
    DateTime CreatedAt,
    long? InflatedSize,
    string? Owner);

/// <summary>What the API shows of an upload: never a server path (docs/api-behaviour.md, 4.7).</summary>
internal sealed record UploadView(
    string UploadId,
    string Filename,
    long Size,
    string Symbol,
    string Interval,
    string Format,
    bool Compressed,
    string Sha256,
    DateTime CreatedAt,
    double Mtime,
    bool Duplicate,
    long? InflatedSize,
    string? Owner)
{
    public static UploadView From(Upload upload, bool duplicate = false) => new(
        upload.Id.ToString("N"),
        upload.Filename,
        upload.Size,
        upload.Symbol,
        upload.Interval,
        upload.Format,
        upload.Compressed,
        Convert.ToHexStringLower(upload.Sha256),
        upload.CreatedAt,
        new DateTimeOffset(upload.CreatedAt, TimeSpan.Zero).ToUnixTimeMilliseconds() / 1000.0,
        duplicate,
        upload.InflatedSize,
        upload.Owner);
}

/// <summary>A page of uploads and <see cref="Total"/>, how many match the filter in all.</summary>
internal sealed record UploadList(IReadOnlyList<UploadView> Items, long Total);
