using SkiaSharp;

namespace Platform.Backtests.Reports;

/// <summary>The PDF report's A4 page geometry, fonts and paints, and its few text-drawing helpers.</summary>
internal sealed class PdfStyle : IDisposable
{
    public const float PageWidth = 595;
    public const float PageHeight = 842;
    public const float Margin = 40;
    public const float Right = PageWidth - Margin;

    public SKFont Title { get; } = Font(18, bold: true);

    public SKFont Heading { get; } = Font(12, bold: true);

    public SKFont Body { get; } = Font(9.5f);

    public SKFont BodyBold { get; } = Font(9.5f, bold: true);

    public SKFont Table { get; } = Font(7);

    public SKFont TableBold { get; } = Font(7, bold: true);

    public SKPaint Ink { get; } = Paint(SKColors.Black);

    public SKPaint Muted { get; } = Paint(new SKColor(0x55, 0x55, 0x55));

    public SKPaint Rule { get; } = Paint(new SKColor(0xDD, 0xDD, 0xDD));

    public SKPaint Band { get; } = Paint(new SKColor(0xF1, 0xF4, 0xF8));

    public static void Text(SKCanvas canvas, string text, float x, float y, SKFont font, SKPaint paint, SKTextAlign align = SKTextAlign.Left) =>
        canvas.DrawText(text, x, y, align, font, paint);

    /// <summary>The text, cut short with an ellipsis when it is wider than <paramref name="width"/>.</summary>
    public static string Fit(string text, float width, SKFont font)
    {
        if (font.MeasureText(text) <= width)
        {
            return text;
        }

        var kept = text;
        while (kept.Length > 1 && font.MeasureText(kept + "…") > width)
        {
            kept = kept[..^1];
        }

        return kept + "…";
    }

    /// <summary>The page's footer: what the report is on the left, the page number on the right.</summary>
    public void Footer(SKCanvas canvas, ReportHeader header, int page, int pages)
    {
        var y = PageHeight - Margin / 2;
        canvas.DrawLine(Margin, y - 10, Right, y - 10, Rule);
        Text(canvas, $"Backtest #{header.BacktestId} · {header.Symbol} {header.Timeframe}", Margin, y, Table, Muted);
        Text(canvas, $"Page {page} of {pages}", Right, y, Table, Muted, SKTextAlign.Right);
    }

    public void Dispose()
    {
        foreach (var font in new[] { Title, Heading, Body, BodyBold, Table, TableBold })
        {
            font.Dispose();
        }

        foreach (var paint in new[] { Ink, Muted, Rule, Band })
        {
            paint.Dispose();
        }
    }

    private static SKFont Font(float size, bool bold = false) =>
        new(SKTypeface.Default, size) { Embolden = bold, Subpixel = true };

    private static SKPaint Paint(SKColor color) => new() { Color = color, IsAntialias = true };
}
