using ScottPlot;
using ScottPlot.Plottables;

namespace Platform.Backtests.Charts;

/// <summary>The trades chart as a ScottPlot plot for <c>?format=png</c>, in the Plotly figure's colours and markers.</summary>
internal static class TradesPlot
{
    public static Plot Build(TradesChartData data)
    {
        var plot = new Plot();
        var price = plot.Add.ScatterLine(Days(data.Price.Time), data.Price.Values, Color.FromHex(ChartColors.Price));
        price.LineWidth = 1;
        price.LegendText = "Price";
        AddMarkers(plot, data.LongEntries, MarkerShape.FilledTriangleUp, ChartColors.LongEntry);
        AddMarkers(plot, data.ShortEntries, MarkerShape.FilledTriangleDown, ChartColors.ShortEntry);
        AddMarkers(plot, data.Exits, MarkerShape.Eks, ChartColors.Exit);
        plot.Axes.DateTimeTicksBottom();
        plot.Title(data.Title);
        plot.XLabel("Time");
        plot.YLabel("Price (USDT)");
        plot.ShowLegend(Alignment.UpperLeft);
        if (data.Note is { } note)
        {
            var annotation = plot.Add.Annotation(note, Alignment.UpperCenter);
            annotation.LabelFontColor = Color.FromHex(ChartColors.Drawdown);
            annotation.LabelBackgroundColor = Colors.White.WithAlpha(0.85);
            annotation.LabelShadowColor = Colors.Transparent;
        }
        return plot;
    }

    private static void AddMarkers(Plot plot, TradeMarkers markers, MarkerShape shape, string color)
    {
        if (markers.Count == 0)
        {
            return;
        }
        Scatter points = plot.Add.Scatter(Days(markers.Time), markers.Price, Color.FromHex(color));
        points.LineWidth = 0;
        points.MarkerShape = shape;
        points.MarkerSize = 9;
        points.LegendText = markers.Name;
    }

    private static double[] Days(long[] time) => [.. time.Select(t => DateTime.UnixEpoch.AddMilliseconds(t).ToOADate())];
}
