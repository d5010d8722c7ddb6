using Platform.Backtests.Reports;
using ScottPlot;
using SkiaSharp;

namespace Platform.Backtests.Charts;

/// <summary>
/// PNG images of the charts (<c>?format=png</c>), drawn with ScottPlot; the equity curve with drawdown puts
/// the two plots one above the other, 70/30, as the Plotly figure does. Check the input with
/// <see cref="ChartErrors.Check"/> first.
/// </summary>
internal static class ChartImages
{
    public const int DefaultWidth = 1200;
    public const int DefaultHeight = 600;

    public static byte[] Png(
        ChartKind kind,
        ReportInput input,
        bool showDrawdown = true,
        int bins = ChartErrors.DefaultBins,
        int width = DefaultWidth,
        int height = DefaultHeight)
    {
        if (ChartErrors.Check(kind, input) is { } error)
        {
            throw new InvalidOperationException(error);
        }

        return Encode(width, height, (canvas, area) => Draw(kind, input, showDrawdown, bins, canvas, area));
    }

    /// <summary>A PNG of one plot, white behind it.</summary>
    public static byte[] Png(Plot plot, int width = DefaultWidth, int height = DefaultHeight) =>
        Encode(width, height, (canvas, area) => plot.Render(canvas, area));

    private static byte[] Encode(int width, int height, Action<SKCanvas, PixelRect> draw)
    {
        using var surface = SKSurface.Create(new SKImageInfo(width, height)) ?? throw new InvalidOperationException("Cannot create a drawing surface");
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        draw(canvas, new PixelRect(0, width, 0, height));
        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }

    /// <summary>Draws a chart into <paramref name="area"/> of any canvas, a bitmap's or a PDF page's.</summary>
    public static void Draw(ChartKind kind, ReportInput input, bool showDrawdown, int bins, SKCanvas canvas, PixelRect area)
    {
        switch (kind)
        {
            case ChartKind.EquityCurve when showDrawdown:
                var data = EquityChartData.From(input.Equity);
                var split = area.Top + area.Height * 0.7f;
                ChartPlots.Equity(data, EquityCurveFigure.Title).Render(canvas, new PixelRect(area.Left, area.Right, area.Top, split));
                ChartPlots.Drawdown(data).Render(canvas, new PixelRect(area.Left, area.Right, split, area.Bottom));
                break;
            case ChartKind.EquityCurve:
                ChartPlots.Equity(EquityChartData.From(input.Equity), EquityCurveFigure.Title).Render(canvas, area);
                break;
            case ChartKind.DrawdownOverlay:
                ChartPlots.Overlay(EquityChartData.From(input.Equity)).Render(canvas, area);
                break;
            default:
                ChartPlots.Histogram(PnlStatistics.From(input), bins).Render(canvas, area);
                break;
        }
    }
}
