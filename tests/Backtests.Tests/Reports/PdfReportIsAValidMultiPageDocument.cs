using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Platform.Backtests.Reports;

namespace Platform.Backtests.Tests.Reports;

public sealed partial class PdfReportIsAValidMultiPageDocument
{
    [Fact]
    public async Task StartsAndEndsAsAPdf()
    {
        var pdf = await ReportSamples.ExportAsync(ReportType.Pdf, ReportSamples.Engine());

        var text = Encoding.Latin1.GetString(pdf);
        Assert.StartsWith("%PDF-", text);
        Assert.EndsWith("%%EOF", text.TrimEnd());
    }

    [Fact]
    public async Task CarriesItsTitleAndAuthorInTheMetadata()
    {
        // SkiaSharp compresses the page content, so the uncompressed document information is where text can be found.
        var text = Encoding.Latin1.GetString(await ReportSamples.ExportAsync(ReportType.Pdf, ReportSamples.Engine()));

        Assert.Contains("/Title (Backtest 7 report: BTCUSDT 60)", text);
        Assert.Contains("/Author (Platform backtests)", text);
        Assert.Contains("/Subject (SMA crossover, 2025-01-01 to 2025-01-03)", text);
    }

    [Fact]
    public async Task HasASummaryPageAHistogramPageAndOneTablePageForAFewTrades()
    {
        var pdf = await ReportSamples.ExportAsync(ReportType.Pdf, ReportSamples.Engine());

        Assert.Equal(3, PageCount(pdf));
        Assert.Contains("/Count 3", Encoding.Latin1.GetString(pdf));
    }

    [Fact]
    public async Task SpreadsManyTradesOverAsManyPagesAsTheyNeed()
    {
        var pdf = await ReportSamples.ExportAsync(ReportType.Pdf, ReportSamples.Generated(200));

        var tablePages = (200 + PdfTradesTable.RowsPerPage - 1) / PdfTradesTable.RowsPerPage;
        Assert.True(tablePages >= 3, $"{PdfTradesTable.RowsPerPage} rows a page");
        Assert.Equal(2 + tablePages, PageCount(pdf));
    }

    [Fact]
    public async Task StillRendersWithoutTradesOrEquity()
    {
        var pdf = await ReportSamples.ExportAsync(ReportType.Pdf, ReportSamples.Read("{}"));

        Assert.Equal(3, PageCount(pdf));
    }

    [Fact]
    public async Task RendersAThousandTradesQuickly()
    {
        var input = ReportSamples.Generated(1_000);

        var clock = Stopwatch.StartNew();
        var pdf = await ReportSamples.ExportAsync(ReportType.Pdf, input);
        clock.Stop();

        Assert.Equal(2 + (1_000 + PdfTradesTable.RowsPerPage - 1) / PdfTradesTable.RowsPerPage, PageCount(pdf));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    private static int PageCount(byte[] pdf) => PageObject().Count(Encoding.Latin1.GetString(pdf));

    [GeneratedRegex(@"/Type\s*/Page(?!s)\b")]
    private static partial Regex PageObject();
}
