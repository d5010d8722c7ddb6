using System.Globalization;
using Platform.Backtests.Charts;
using ScottPlot;
using SkiaSharp;

namespace Platform.Backtests.Reports;

/// <summary>
/// <c>pdf</c>: an A4 report drawn with SkiaSharp's PDF backend. Page 1: title, summary table, equity and
/// drawdown chart; page 2: the PnL histogram; then the closed trades, up to <see cref="PdfTradesTable.MaxPages"/> pages
/// (the CSV export lists them all). The charts are
/// ScottPlot plots drawn straight onto the page canvas, so they stay vector. The document's title, author and subject
/// are set in its metadata (the page text itself is compressed).
/// </summary>
internal static class PdfReport
{
    public static async Task WriteAsync(ReportInput input, Stream output, CancellationToken cancellationToken)
    {
        // SkiaSharp writes synchronously, which an HTTP response body refuses: render into memory, then copy out.
        using var buffer = new MemoryStream();
        Render(input, buffer);
        buffer.Position = 0;
        await buffer.CopyToAsync(output, cancellationToken);
    }

    public static string Title(ReportHeader header) => $"Backtest {header.BacktestId} report: {header.Symbol} {header.Timeframe}";

    private static void Render(ReportInput input, Stream destination)
    {
        var header = input.Header;
        var metadata = SKDocumentPdfMetadata.Default;
        metadata.Title = Title(header);
        metadata.Author = "Platform backtests";
        metadata.Subject = $"{header.StrategyName}, {Day(header.StartDate)} to {Day(header.EndDate)}";
        metadata.Creator = "Platform.Backtests";

        using var document = SKDocument.CreatePdf(destination, metadata);
        using var style = new PdfStyle();
        var table = new PdfTradesTable(input.ClosedTrades);
        var pages = 2 + table.PageCount;

        var canvas = document.BeginPage(PdfStyle.PageWidth, PdfStyle.PageHeight);
        DrawSummaryPage(canvas, style, input);
        style.Footer(canvas, header, 1, pages);
        document.EndPage();

        canvas = document.BeginPage(PdfStyle.PageWidth, PdfStyle.PageHeight);
        DrawHistogramPage(canvas, style, input);
        style.Footer(canvas, header, 2, pages);
        document.EndPage();

        for (var page = 0; page < table.PageCount; page++)
        {
            canvas = document.BeginPage(PdfStyle.PageWidth, PdfStyle.PageHeight);
            table.DrawPage(canvas, style, page);
            style.Footer(canvas, header, 3 + page, pages);
            document.EndPage();
        }

        document.Close();
    }

    private static void DrawSummaryPage(SKCanvas canvas, PdfStyle style, ReportInput input)
    {
        var header = input.Header;
        var y = PdfStyle.Margin + 18;
        PdfStyle.Text(canvas, $"Backtest #{header.BacktestId}: {header.Symbol} {header.Timeframe}", PdfStyle.Margin, y, style.Title, style.Ink);
        y += 20;
        PdfStyle.Text(canvas, $"Strategy: {header.StrategyName}", PdfStyle.Margin, y, style.Body, style.Muted);
        y += 14;
        PdfStyle.Text(canvas, $"Period: {Minute(header.StartDate)} to {Minute(header.EndDate)} UTC", PdfStyle.Margin, y, style.Body, style.Muted);
        y += 30;
        PdfStyle.Text(canvas, "Summary", PdfStyle.Margin, y, style.Heading, style.Ink);
        y = DrawSummaryTable(canvas, style, SummaryItems(input.Summary), y + 8);

        y += 28;
        PdfStyle.Text(canvas, "Equity and drawdown", PdfStyle.Margin, y, style.Heading, style.Ink);
        var area = new PixelRect(PdfStyle.Margin, PdfStyle.Right, y + 8, PdfStyle.PageHeight - PdfStyle.Margin - 20);
        DrawChartOrNote(canvas, style, ChartKind.EquityCurve, input, area);
    }

    private static void DrawHistogramPage(SKCanvas canvas, PdfStyle style, ReportInput input)
    {
        PdfStyle.Text(canvas, "PnL distribution", PdfStyle.Margin, PdfStyle.Margin + 12, style.Heading, style.Ink);
        var area = new PixelRect(PdfStyle.Margin, PdfStyle.Right, PdfStyle.Margin + 24, PdfStyle.Margin + 384);
        if (DrawChartOrNote(canvas, style, ChartKind.PnlDistribution, input, area))
        {
            var stats = PnlStatistics.From(input);
            PdfStyle.Text(canvas, $"{stats.Values.Length} closed trades with a PnL. {stats.Caption}", PdfStyle.Margin, area.Bottom + 22, style.Body, style.Muted);
        }
    }

    private static bool DrawChartOrNote(SKCanvas canvas, PdfStyle style, ChartKind kind, ReportInput input, PixelRect area)
    {
        if (ChartErrors.Check(kind, input) is { } note)
        {
            PdfStyle.Text(canvas, note, area.Left, area.Top + 16, style.Body, style.Muted);
            return false;
        }

        ChartImages.Draw(kind, input, showDrawdown: true, ChartErrors.DefaultBins, canvas, area);
        return true;
    }

    /// <summary>Label and value pairs laid out in two columns; returns the y below the table.</summary>
    private static float DrawSummaryTable(SKCanvas canvas, PdfStyle style, (string Label, string Value)[] items, float top)
    {
        const float RowHeight = 17;
        var half = (PdfStyle.Right - PdfStyle.Margin) / 2;
        var rows = (items.Length + 1) / 2;
        for (var i = 0; i < items.Length; i++)
        {
            var (row, column) = (i % rows, i / rows);
            var x = PdfStyle.Margin + column * half;
            var y = top + row * RowHeight;
            if (row % 2 == 0)
            {
                canvas.DrawRect(x, y, half - 8, RowHeight, style.Band);
            }

            PdfStyle.Text(canvas, items[i].Label, x + 6, y + RowHeight - 5, style.Body, style.Muted);
            PdfStyle.Text(canvas, items[i].Value, x + half - 14, y + RowHeight - 5, style.BodyBold, style.Ink, SKTextAlign.Right);
        }

        return top + rows * RowHeight;
    }

    private static (string, string)[] SummaryItems(ReportSummary s) =>
    [
        ("Initial capital", Usdt(s.InitialCapital)),
        ("Final capital", Usdt(s.FinalCapital)),
        ("Net profit", Usdt(s.NetProfit)),
        ("Total return", Percent(s.TotalReturn)),
        ("Gross profit", Usdt(s.GrossProfit)),
        ("Gross loss", Usdt(s.GrossLoss)),
        ("Commission paid", Usdt(s.TotalCommission)),
        ("Total trades", s.TotalTrades.ToString(CultureInfo.InvariantCulture)),
        ("Winning / losing trades", $"{s.WinningTrades} / {s.LosingTrades}"),
        ("Win rate", Percent(s.WinRate)),
        ("Profit factor", s.ProfitFactor is { } pf ? PyFormat.Fixed(pf, 3) : "∞"),
        ("Sharpe ratio", s.SharpeRatio is { } sharpe ? PyFormat.Money(sharpe) : "n/a"),
        ("Sortino ratio", s.SortinoRatio is { } sortino ? PyFormat.Money(sortino) : "n/a"),
        ("Max drawdown", Percent(s.MaxDrawdown)),
    ];

    private static string Usdt(double value) => value.ToString("N2", CultureInfo.InvariantCulture) + " USDT";

    private static string Percent(double fraction) => (fraction * 100).ToString("N2", CultureInfo.InvariantCulture) + " %";

    private static string Day(DateTime time) => time.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Minute(DateTime time) => time.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
