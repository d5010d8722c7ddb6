using System.Globalization;
using Platform.Backtests.Queue;
using SkiaSharp;

namespace Platform.Backtests.Reports;

/// <summary>The PDF report's table of closed trades, as many rows a page as fit, the header row repeated on each.</summary>
internal sealed class PdfTradesTable(IReadOnlyList<ReportTrade> trades)
{
    private const float Top = PdfStyle.Margin + 34;
    private const float RowHeight = 13;
    private const float Bottom = PdfStyle.PageHeight - PdfStyle.Margin - 12;

    public const int RowsPerPage = (int)((Bottom - Top) / RowHeight) - 1;

    /// <summary>
    /// Pages of trades at most: a report stays a few hundred kilobytes at any number of trades, and says that the full list
    /// is in the CSV export.
    /// </summary>
    public const int MaxPages = 10;

    private static readonly Column[] Columns =
    [
        new("#", 24, SKTextAlign.Right),
        new("Side", 30, SKTextAlign.Left),
        new("Entry time", 70, SKTextAlign.Left),
        new("Exit time", 70, SKTextAlign.Left),
        new("Entry price", 52, SKTextAlign.Right),
        new("Exit price", 52, SKTextAlign.Right),
        new("Qty", 44, SKTextAlign.Right),
        new("PnL", 52, SKTextAlign.Right),
        new("PnL %", 38, SKTextAlign.Right),
        new("Bars", 28, SKTextAlign.Right),
        new("Exit reason", 55, SKTextAlign.Left),
    ];

    /// <summary>The trades listed: the first <see cref="MaxPages"/> pages' worth.</summary>
    public int Shown => Math.Min(trades.Count, MaxPages * RowsPerPage);

    /// <summary>At least one page, which says so when there is no closed trade.</summary>
    public int PageCount => Math.Max(1, (Shown + RowsPerPage - 1) / RowsPerPage);

    public void DrawPage(SKCanvas canvas, PdfStyle style, int tablePage)
    {
        var heading = tablePage > 0 ? "Closed trades (continued)"
            : Shown < trades.Count ? $"Closed trades: the first {Shown} of {trades.Count} (all of them in the CSV export)"
            : "Closed trades";
        PdfStyle.Text(canvas, heading, PdfStyle.Margin, PdfStyle.Margin + 12, style.Heading, style.Ink);
        canvas.DrawRect(PdfStyle.Margin, Top, PdfStyle.Right - PdfStyle.Margin, RowHeight, style.Band);
        DrawRow(canvas, style, style.TableBold, Top, [.. Columns.Select(c => c.Title)]);
        if (trades.Count == 0)
        {
            PdfStyle.Text(canvas, "No closed trades", PdfStyle.Margin + 4, Top + 2 * RowHeight, style.Body, style.Muted);
            return;
        }

        var first = tablePage * RowsPerPage;
        var last = Math.Min(Shown, first + RowsPerPage);
        for (var i = first; i < last; i++)
        {
            var y = Top + (i - first + 1) * RowHeight;
            canvas.DrawLine(PdfStyle.Margin, y + RowHeight, PdfStyle.Right, y + RowHeight, style.Rule);
            DrawRow(canvas, style, style.Table, y, Cells(i + 1, trades[i]));
        }
    }

    private static string[] Cells(int number, ReportTrade trade) =>
    [
        number.ToString(CultureInfo.InvariantCulture),
        TradeSides.Name(trade.Side),
        Time(trade.EntryTime),
        Time(trade.ExitTime),
        PyFormat.Fixed(trade.EntryPrice, 3),
        PyFormat.Fixed(trade.ExitPrice ?? 0, 3),
        PyFormat.Fixed(trade.Quantity, 3),
        PyFormat.Money(trade.NetPnl),
        PyFormat.Money(trade.PnlPct),
        PyFormat.Fixed(trade.BarsHeld, 0),
        trade.ExitReason ?? "",
    ];

    private static void DrawRow(SKCanvas canvas, PdfStyle style, SKFont font, float y, string[] cells)
    {
        var x = PdfStyle.Margin;
        for (var c = 0; c < Columns.Length; c++)
        {
            var column = Columns[c];
            var text = PdfStyle.Fit(cells[c], column.Width - 6, font);
            var at = column.Align == SKTextAlign.Right ? x + column.Width - 3 : x + 3;
            PdfStyle.Text(canvas, text, at, y + RowHeight - 3.5f, font, style.Ink, column.Align);
            x += column.Width;
        }
    }

    private static string Time(DateTime? time) => time?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "";

    private sealed record Column(string Title, float Width, SKTextAlign Align);
}
