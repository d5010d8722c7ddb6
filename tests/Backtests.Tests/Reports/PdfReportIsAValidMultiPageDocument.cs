using System.Text;
using Platform.Backtests.Reports;

namespace Platform.Backtests.Tests.Reports;

/// <summary>
/// The PDF report read back as text: the figures and trades it prints, worked out by hand from the sample documents
/// (Reports/Samples), and its pages numbered in the footers.
/// </summary>
public sealed class PdfReportIsAValidMultiPageDocument
{
    private const string TableHeader = "# Side Entry time Exit time Entry price Exit price Qty PnL PnL % Bars Exit reason";
    private const string Footer = "Backtest #7 · BTCUSDT 60";

    [Fact]
    public async Task StartsAndEndsAsAPdf()
    {
        var pdf = await ReportSamples.ExportAsync(ReportType.Pdf, ReportSamples.Engine());

        var text = Encoding.Latin1.GetString(pdf);
        Assert.StartsWith("%PDF-", text);
        Assert.EndsWith("%%EOF", text.TrimEnd());
    }

    [Fact]
    public async Task CarriesItsTitleAuthorAndSubjectInTheMetadata()
    {
        var pdf = PdfText.Read(await ReportSamples.ExportAsync(ReportType.Pdf, ReportSamples.Engine()));

        Assert.Equal("Backtest 7 report: BTCUSDT 60", pdf.Title);
        Assert.Equal("Platform backtests", pdf.Author);
        Assert.Equal("SMA crossover, 2025-01-01 to 2025-01-03", pdf.Subject);
    }

    [Fact]
    public async Task TheSummaryPagePrintsTheDocumentsFigures()
    {
        var pdf = PdfText.Read(await ReportSamples.ExportAsync(ReportType.Pdf, ReportSamples.Engine()));

        Assert.Equal(
            [
                "Backtest #7: BTCUSDT 60",
                "Strategy: SMA crossover",
                "Period: 2025-01-01 00:00 to 2025-01-03 00:00 UTC",
                "Summary",
                "Initial capital 10,000.00 USDT Total trades 3",
                "Final capital 10,081.80 USDT Winning / losing trades 2 / 1",
                "Net profit 81.80 USDT Win rate 66.67 %",
                "Total return 0.82 % Profit factor 3.942",
                "Gross profit 109.60 USDT Sharpe ratio 1.23",
                "Gross loss 27.80 USDT Sortino ratio 2.34",
                "Commission paid 8.20 USDT Max drawdown 0.55 %",
                "Equity and drawdown",
            ],
            pdf.Pages[0].Take(12));
        Assert.Equal($"{Footer} Page 1 of 3", pdf.Pages[0][^1]);
    }

    [Fact]
    public async Task TheTablePrintsEachClosedTradeAndLeavesTheOpenOneOut()
    {
        var pdf = PdfText.Read(await ReportSamples.ExportAsync(ReportType.Pdf, ReportSamples.Engine()));

        Assert.Equal(3, pdf.Pages.Count);
        Assert.Equal("PnL distribution", pdf.Pages[1][0]);
        Assert.Equal("Closed trades", pdf.Pages[2][0]);
        Assert.Equal(
            [
                "1 long 2025-01-01 00:00 2025-01-01 05:00 100.000 110.000 10.000 95.40 9.54 5 take_profit",
                "2 short 2025-01-01 09:00 2025-01-01 11:00 110.000 115.000 5.000 -27.80 -5.05 2 stop_loss",
                "3 long 2025-01-01 13:00 2025-01-01 20:00 120.000 126.000 2.500 14.20 4.74 7 signal_exit",
            ],
            pdf.LinesAfter(3, TableHeader));
        Assert.Equal([$"{Footer} Page 2 of 3", $"{Footer} Page 3 of 3"], [pdf.Pages[1][^1], pdf.Pages[2][^1]]);
    }

    [Fact]
    public async Task AThousandTradesFillTenTablePagesInOrderAndPointToTheExportForTheRest()
    {
        const int Trades = 1_000;
        var pdf = PdfText.Read(await ReportSamples.ExportAsync(ReportType.Pdf, ReportSamples.Generated(Trades)));

        var tables = Enumerable.Range(3, pdf.Pages.Count - 2).Select(page => pdf.LinesAfter(page, TableHeader)).ToList();
        var perPage = tables[0].Count;
        var shown = PdfTradesTable.MaxPages * perPage;

        Assert.Equal(2 + PdfTradesTable.MaxPages, pdf.Pages.Count);
        Assert.True(shown < Trades, $"{shown} rows on {PdfTradesTable.MaxPages} pages should not hold {Trades} trades");
        Assert.Equal($"Closed trades: the first {shown} of {Trades} (all of them in the CSV export)", pdf.Pages[2][0]);
        Assert.Equal("Closed trades (continued)", pdf.Pages[^1][0]);
        Assert.Equal(Enumerable.Range(1, shown).Select(number => $"{number}"), tables.SelectMany(rows => rows).Select(row => row.Split(' ')[0]));
        Assert.All(tables, rows => Assert.Equal(perPage, rows.Count));
        Assert.All(Enumerable.Range(1, pdf.Pages.Count), page => Assert.Equal($"{Footer} Page {page} of {pdf.Pages.Count}", pdf.Pages[page - 1][^1]));
    }

    [Fact]
    public async Task WithoutTradesOrEquityEachPageSaysWhatIsMissing()
    {
        var pdf = PdfText.Read(await ReportSamples.ExportAsync(ReportType.Pdf, ReportSamples.Read("{}")));

        Assert.Equal(3, pdf.Pages.Count);
        Assert.Contains("Initial capital 10,000.00 USDT Total trades 0", pdf.Pages[0]);
        Assert.Equal(["No closed trades"], pdf.LinesAfter(3, TableHeader));
    }
}
