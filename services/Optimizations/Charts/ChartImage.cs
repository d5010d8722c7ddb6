using ScottPlot;

namespace Platform.Optimizations.Charts;

/// <summary>A run's figure as a PNG, drawn with ScottPlot in the Plotly figure's colours and titles.</summary>
internal static class ChartImage
{
    public const int Width = 1200;
    public const int Height = 600;

    public static byte[] Png(RunFigure figure)
    {
        var plot = figure switch
        {
            HeatmapFigure heatmap => Draw(heatmap),
            WalkForwardEquityFigure equity => Draw(equity),
            FanFigure fan => Draw(fan),
            _ => throw new ArgumentOutOfRangeException(nameof(figure), figure, "Not a chart of a run"),
        };
        plot.Title(figure.Title);
        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }

    /// <summary>Cells at the values' ranks, so that uneven steps still give square cells; the ticks name the values.</summary>
    private static Plot Draw(HeatmapFigure figure)
    {
        var plot = new Plot();
        var intensities = new double[figure.Y.Length, figure.X.Length];
        for (var row = 0; row < figure.Y.Length; row++)
        {
            for (var column = 0; column < figure.X.Length; column++)
            {
                // Row 0 is drawn at the top: the highest y first, as the Plotly heatmap puts it.
                intensities[figure.Y.Length - 1 - row, column] = figure.Scores[row][column] ?? double.NaN;
            }
        }
        var heatmap = plot.Add.Heatmap(intensities);
        heatmap.Colormap = new ScottPlot.Colormaps.Viridis();
        heatmap.Position = new CoordinateRect(-0.5, figure.X.Length - 0.5, -0.5, figure.Y.Length - 0.5);
        plot.Add.ColorBar(heatmap).Label = figure.Metric;
        plot.Axes.Bottom.TickGenerator = Ticks(figure.X);
        plot.Axes.Left.TickGenerator = Ticks(figure.Y);
        plot.XLabel(figure.XName);
        plot.YLabel(figure.YName);
        return plot;
    }

    private static Plot Draw(WalkForwardEquityFigure figure)
    {
        var plot = new Plot();
        var line = plot.Add.ScatterLine(figure.Times.Select(time => time.UtcDateTime.ToOADate()).ToArray(), figure.Equity);
        line.Color = Color.FromHex(ChartColors.Equity);
        line.LineWidth = 2;
        foreach (var start in figure.WindowStarts)
        {
            plot.Add.VerticalLine(start.UtcDateTime.ToOADate(), 1, Color.FromHex(ChartColors.Boundary), LinePattern.Dotted);
        }
        plot.Axes.DateTimeTicksBottom();
        plot.XLabel("Time");
        plot.YLabel("Equity ($)");
        return plot;
    }

    private static Plot Draw(FanFigure figure)
    {
        var plot = new Plot();
        var equity = Color.FromHex(ChartColors.Equity);
        plot.Add.FillY(figure.Trades, figure.P5, figure.P95).FillColor = equity.WithAlpha(0.15);
        plot.Add.FillY(figure.Trades, figure.P25, figure.P75).FillColor = equity.WithAlpha(0.35);
        var median = plot.Add.ScatterLine(figure.Trades, figure.P50);
        median.Color = equity;
        median.LineWidth = 2;
        plot.XLabel("Trades");
        plot.YLabel("Return (%)");
        return plot;
    }

    private static ScottPlot.TickGenerators.NumericManual Ticks(double[] values)
    {
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        var every = Math.Max(1, values.Length / 20);
        for (var index = 0; index < values.Length; index += every)
        {
            ticks.AddMajor(index, values[index].ToString("G6", System.Globalization.CultureInfo.InvariantCulture));
        }
        return ticks;
    }
}
