namespace Platform.MarketData.Uploads;

/// <summary>Settings under <c>Uploads</c>.</summary>
internal sealed class UploadOptions
{
    public const string Section = "Uploads";

    /// <summary>Largest accepted file, in bytes (100 MiB by default); beyond it the answer is 413.</summary>
    public long MaxBytes { get; set; } = 100L * 1024 * 1024;
}
