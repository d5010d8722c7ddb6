using System.IO.Compression;
using Platform.Backtests.Reports;

namespace Platform.Backtests.Tests.Reports;

/// <summary>Every export can be written straight into an HTTP response body, which refuses synchronous writes.</summary>
public sealed class ExportsWriteOnlyAsynchronously
{
    [Theory]
    [InlineData("list_of_trades")]
    [InlineData("performance")]
    [InlineData("risk_ratios")]
    [InlineData("trades_analysis")]
    [InlineData("json")]
    [InlineData("pdf")]
    public async Task IntoAnUnseekableAsyncOnlyStream(string reportType)
    {
        Assert.True(ReportTypes.TryParse(reportType, out var type));
        var input = ReportSamples.Engine();
        var body = new AsyncOnlyStream();

        await ReportExporter.WriteAsync(type, input, body, ReportSamples.Soon());

        Assert.Equal(await ReportSamples.ExportAsync(type, input), body.Written.ToArray());
    }

    // An unseekable stream gets entries with data descriptors, so the archive differs from a seekable one's bytes.
    [Fact]
    public async Task TheStreamedZipOpens()
    {
        var body = new AsyncOnlyStream();

        await ReportExporter.WriteAsync(ReportType.All, ReportSamples.Engine(), body, ReportSamples.Soon());

        using var archive = new ZipArchive(new MemoryStream(body.Written.ToArray()), ZipArchiveMode.Read);
        Assert.Equal(4, archive.Entries.Count);
        using var reader = new StreamReader(archive.Entries[0].Open());
        Assert.StartsWith("Trade #,", await reader.ReadToEndAsync(ReportSamples.Soon()));
    }
}
