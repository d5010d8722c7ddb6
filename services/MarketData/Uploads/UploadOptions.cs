namespace Platform.MarketData.Uploads;

/// <summary>Settings under <c>Uploads</c> (docs/api-behaviour.md, 4.7).</summary>
internal sealed class UploadOptions
{
    public const string Section = "Uploads";

    /// <summary>Largest accepted file, in bytes (100 MiB by default); beyond it the answer is 413.</summary>
    public long MaxBytes { get; set; } = 100L * 1024 * 1024;

    /// <summary>
    /// Largest text a gzip upload may inflate to (1 GiB by default; 413 beyond): ten times <see cref="MaxBytes"/>, room for
    /// a full-size upload of candle CSV, which gzip shrinks three to ten times.
    /// </summary>
    public long MaxInflatedBytes { get; set; } = 1L << 30;

    /// <summary>
    /// Most inflated bytes per compressed byte read (100 by default; 413 beyond, judged once 1 MiB has inflated): candle
    /// files compress three to twenty times, while a gzip bomb reaches a thousand, so it is stopped after about 1 MiB of
    /// output instead of being inflated whole.
    /// </summary>
    public double MaxCompressionRatio { get; set; } = 100;
}
