using System.IO.Compression;
using Platform.Backtests.Reports;

namespace Platform.Backtests.Tests.Reports;

public sealed class AllReportsZipHoldsTheFourCsvFiles
{
    [Fact]
    public async Task EntriesAreNamedAfterTheBacktestAndDeflated()
    {
        var zip = await ReportSamples.ExportAsync(ReportType.All, ReportSamples.Engine());

        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        Assert.Equal(
            ["backtest_7_list_of_trades.csv", "backtest_7_performance.csv", "backtest_7_risk_ratios.csv", "backtest_7_trades_analysis.csv"],
            archive.Entries.Select(e => e.FullName));
        Assert.All(archive.Entries, e => Assert.True(e.CompressedLength < e.Length, $"{e.FullName} is not compressed"));
    }

    [Fact]
    public async Task EntriesHoldTheSameCsvAsTheSingleReports()
    {
        var input = ReportSamples.Engine();
        var zip = await ReportSamples.ExportAsync(ReportType.All, input);

        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        foreach (var type in ReportTypes.Csv)
        {
            using var entry = archive.GetEntry(ExportFile.For(type, 7).FileName)!.Open();
            using var copy = new MemoryStream();
            await entry.CopyToAsync(copy, ReportSamples.Soon());
            Assert.Equal(await ReportSamples.ExportAsync(type, input), copy.ToArray());
        }
    }
}
