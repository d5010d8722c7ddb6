using System.Text.Json.Nodes;

namespace Platform.Backtests.Charts;

/// <summary>
/// <c>pnl_distribution</c> (docs/api-behaviour.md, 2.12): a histogram of the closed trades' PnL with <c>nbinsx = bins</c>, bars
/// coloured by value on a red → off-white → blue scale, vertical lines at the mean (dashed), the median (dotted) and
/// zero (solid black), and the one "Stats: …" annotation the original ended up with.
/// </summary>
internal static class PnlDistributionFigure
{
    public const string Title = "PnL Distribution";

    public static JsonObject Build(PnlStatistics stats, int bins)
    {
        var histogram = new JsonObject
        {
            ["type"] = "histogram",
            ["name"] = Title,
            ["x"] = Plotly.Numbers(stats.Values),
            ["nbinsx"] = bins,
            ["marker"] = new JsonObject
            {
                ["color"] = Plotly.Numbers(stats.Values),
                ["colorscale"] = new JsonArray([.. ChartColors.PnlScale.Select(s => (JsonNode)new JsonArray(s.Stop, s.Color))]),
                ["line"] = new JsonObject { ["color"] = ChartColors.BarOutline, ["width"] = 1 },
            },
            ["hovertemplate"] = "PnL: %{x:.2f}<br>Count: %{y}<extra></extra>",
        };

        var layout = new JsonObject
        {
            ["title"] = Plotly.Title(Title),
            ["xaxis"] = Plotly.Axis("PnL ($)"),
            ["yaxis"] = Plotly.Axis("Frequency"),
            ["height"] = 500,
            ["showlegend"] = false,
            ["template"] = Plotly.Template,
            ["margin"] = Plotly.Margin(60, 30, 100, 50),
            ["shapes"] = new JsonArray(
                Plotly.VerticalLine(stats.Mean, new JsonObject { ["color"] = ChartColors.MeanLine, ["dash"] = "dash" }),
                Plotly.VerticalLine(stats.Median, new JsonObject { ["color"] = ChartColors.MedianLine, ["dash"] = "dot" }),
                Plotly.VerticalLine(0, new JsonObject { ["color"] = "black", ["dash"] = "solid", ["width"] = 1 })),
            ["annotations"] = new JsonArray(new JsonObject
            {
                ["text"] = stats.Caption,
                ["xref"] = "paper",
                ["yref"] = "paper",
                ["x"] = 0.5,
                ["y"] = 1.05,
                ["showarrow"] = false,
                ["font"] = new JsonObject { ["size"] = 12, ["color"] = ChartColors.BarOutline },
            }),
        };
        return Plotly.Figure([histogram], layout);
    }
}
