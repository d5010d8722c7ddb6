using ScottPlot;
using ScottPlot.Plottables;
using Platform.Engine.Charts;

namespace Platform.Backtests.Charts;

/// <summary>
/// The charts as ScottPlot plots, in the Plotly figures' colours and titles, for PNG images and the PDF report (which
/// draws them straight onto its page canvas, so they stay vector).
/// </summary>
internal static class ChartPlots
{
    public static Plot Equity(EquityChartData data, string title)
    {
        var plot = new Plot();
        var line = AddLine(plot, data.Equity, ChartColors.Equity, 2, "Equity");
        line.FillY = true;

        // Filled down to the curve's low rather than to 0 as in Plotly, so a small move on a large capital stays visible.
        line.FillYValue = data.Equity.Values.Min();
        line.FillYColor = Color.FromHex(ChartColors.Equity).WithAlpha(0.1);
        plot.Axes.DateTimeTicksBottom();
        plot.Title(title);
        plot.XLabel("Time");
        plot.YLabel("Equity ($)");
        return plot;
    }

    public static Plot Drawdown(EquityChartData data)
    {
        var plot = new Plot();
        var line = AddLine(plot, data.Drawdown, ChartColors.Drawdown, 1.5f, "Drawdown");
        line.FillY = true;
        line.FillYColor = Color.FromHex(ChartColors.Drawdown).WithAlpha(0.2);
        plot.Axes.DateTimeTicksBottom();
        plot.Title("Drawdown (%)");
        plot.XLabel("Time");
        plot.YLabel("Drawdown (%)");
        return plot;
    }

    public static Plot Overlay(EquityChartData data)
    {
        var plot = new Plot();
        AddLine(plot, data.Equity, ChartColors.Equity, 2.5f, "Equity");
        var drawdown = AddLine(plot, data.Drawdown, ChartColors.Drawdown, 1.5f, "Drawdown");
        drawdown.LinePattern = LinePattern.Dotted;
        drawdown.FillY = true;
        drawdown.FillYColor = Color.FromHex(ChartColors.Drawdown).WithAlpha(0.15);
        drawdown.Axes.YAxis = plot.Axes.Right;
        plot.Axes.DateTimeTicksBottom();
        plot.Title(DrawdownOverlayFigure.Title);
        plot.XLabel("Time");
        plot.YLabel("Equity ($)");
        plot.Axes.Right.Label.Text = "Drawdown (%)";
        plot.ShowLegend(Alignment.LowerLeft);
        return plot;
    }

    /// <summary>Equal-width bins over the PnL range, coloured by their centre on the red → off-white → blue scale.</summary>
    public static Plot Histogram(PnlStatistics stats, int bins)
    {
        var plot = new Plot();
        var (low, high) = (stats.Values.Min(), stats.Values.Max());
        var width = high > low ? (high - low) / bins : 1;
        var counts = new int[high > low ? bins : 1];
        foreach (var value in stats.Values)
        {
            counts[Math.Min((int)((value - low) / width), counts.Length - 1)]++;
        }

        Bar[] bars = [.. counts.Select((count, i) => Bar(low + (i + 0.5) * width, width, count, low, high))];
        plot.Add.Bars(bars);
        plot.Add.VerticalLine(stats.Mean, 1.5f, Color.FromHex(ChartColors.MeanLine), LinePattern.Dashed);
        plot.Add.VerticalLine(stats.Median, 1.5f, Color.FromHex(ChartColors.MedianLine), LinePattern.Dotted);
        plot.Add.VerticalLine(0, 1, Colors.Black, LinePattern.Solid);
        plot.Axes.Margins(bottom: 0);
        plot.Title(PnlDistributionFigure.Title);
        plot.XLabel("PnL ($)");
        plot.YLabel("Frequency");
        var caption = plot.Add.Annotation(stats.Caption, Alignment.UpperCenter);
        caption.LabelFontColor = Color.FromHex(ChartColors.BarOutline);
        caption.LabelBackgroundColor = Colors.White.WithAlpha(0.85);
        caption.LabelBorderColor = Color.FromHex(ChartColors.BarOutline);
        caption.LabelShadowColor = Colors.Transparent;
        return plot;
    }

    private static Scatter AddLine(Plot plot, DownsampledSeries series, string color, float width, string name)
    {
        double[] days = [.. series.Time.Select(t => DateTime.UnixEpoch.AddMilliseconds(t).ToOADate())];
        var line = plot.Add.ScatterLine(days, series.Values, Color.FromHex(color));
        line.LineWidth = width;
        line.LegendText = name;
        return line;
    }

    private static Bar Bar(double centre, double width, int count, double low, double high)
    {
        var (r, g, b) = ChartColors.PnlScaleAt(high > low ? (centre - low) / (high - low) : 0.5);
        return new Bar
        {
            Position = centre,
            Size = width,
            Value = count,
            FillColor = new Color(r, g, b),
            LineColor = Color.FromHex(ChartColors.BarOutline),
            LineWidth = 1,
        };
    }
}
