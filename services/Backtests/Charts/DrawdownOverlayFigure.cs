using System.Text.Json.Nodes;

namespace Platform.Backtests.Charts;

/// <summary>
/// <c>drawdown_overlay</c> (docs/api-behaviour.md, 2.12): the <c>Equity</c> line on the left axis and the dotted, filled red
/// <c>Drawdown</c> on a secondary right axis (<c>yaxis2</c> overlaying <c>y</c>), as Plotly's
/// <c>make_subplots(specs=[[{"secondary_y": True}]])</c> laid it out.
/// </summary>
internal static class DrawdownOverlayFigure
{
    public const string Title = "Equity & Drawdown Analysis";

    public static JsonObject Build(EquityChartData data)
    {
        var equity = Plotly.Line("Equity", data.Equity, new JsonObject { ["color"] = ChartColors.Equity, ["width"] = 2.5 });
        equity["xaxis"] = "x";
        equity["yaxis"] = "y";
        var drawdown = Plotly.Line(
            "Drawdown",
            data.Drawdown,
            new JsonObject { ["color"] = ChartColors.Drawdown, ["width"] = 1.5, ["dash"] = "dot" });
        drawdown["fill"] = "tozeroy";
        drawdown["fillcolor"] = ChartColors.OverlayDrawdownFill;
        drawdown["xaxis"] = "x";
        drawdown["yaxis"] = "y2";

        var xaxis = Plotly.Axis("Time");
        xaxis["anchor"] = "y";
        xaxis["domain"] = new JsonArray(0.0, 0.94);
        var yaxis = Plotly.Axis("Equity ($)");
        yaxis["anchor"] = "x";
        yaxis["domain"] = new JsonArray(0.0, 1.0);
        var yaxis2 = Plotly.Axis("Drawdown (%)");
        yaxis2["anchor"] = "x";
        yaxis2["overlaying"] = "y";
        yaxis2["side"] = "right";

        var layout = new JsonObject
        {
            ["title"] = Plotly.Title(Title),
            ["height"] = 600,
            ["hovermode"] = "x unified",
            ["showlegend"] = true,
            ["template"] = Plotly.Template,
            ["margin"] = Plotly.Margin(60, 60, 80, 50),
            ["xaxis"] = xaxis,
            ["yaxis"] = yaxis,
            ["yaxis2"] = yaxis2,
        };
        return Plotly.Figure([equity, drawdown], layout);
    }
}
