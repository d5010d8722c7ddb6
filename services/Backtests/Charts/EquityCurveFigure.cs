using System.Text.Json.Nodes;

namespace Platform.Backtests.Charts;

/// <summary>
/// <c>equity_curve</c> (docs/api-behaviour.md, 2.12): the filled blue <c>Equity</c> line, and with <c>show_drawdown</c> a second
/// subplot below it (row heights 0.7/0.3, shared x) with the filled red <c>Drawdown</c> line, laid out as Plotly's
/// <c>make_subplots</c> did for the original.
/// </summary>
internal static class EquityCurveFigure
{
    public const string Title = "Equity Curve";

    public static JsonObject Build(EquityChartData data, bool showDrawdown)
    {
        var equity = Plotly.Line("Equity", data.Equity, new JsonObject { ["color"] = ChartColors.Equity, ["width"] = 2 });
        equity["fill"] = "tozeroy";
        equity["fillcolor"] = ChartColors.EquityFill;
        var layout = new JsonObject
        {
            ["height"] = 600,
            ["hovermode"] = "x unified",
            ["showlegend"] = true,
            ["template"] = Plotly.Template,
            ["margin"] = Plotly.Margin(60, 30, 80, 50),
        };

        if (!showDrawdown)
        {
            layout["title"] = Plotly.Title(Title);
            layout["xaxis"] = Plotly.Axis("Time");
            layout["yaxis"] = Plotly.Axis("Equity ($)");
            return Plotly.Figure([equity], layout);
        }

        equity["xaxis"] = "x";
        equity["yaxis"] = "y";
        var drawdown = Plotly.Line("Drawdown", data.Drawdown, new JsonObject { ["color"] = ChartColors.Drawdown, ["width"] = 1.5 });
        drawdown["fill"] = "tozeroy";
        drawdown["fillcolor"] = ChartColors.DrawdownFill;
        drawdown["xaxis"] = "x2";
        drawdown["yaxis"] = "y2";

        // Two rows sharing x with 0.05 between them: 0.95 × 0.7 = 0.665 on top, 0.95 × 0.3 = 0.285 below.
        layout["xaxis"] = new JsonObject { ["anchor"] = "y", ["domain"] = Domain(0, 1), ["matches"] = "x2", ["showticklabels"] = false };
        layout["xaxis2"] = SubplotAxis("y2", Domain(0, 1), "Time");
        layout["yaxis"] = SubplotAxis("x", Domain(0.335, 1), "Equity ($)");
        layout["yaxis2"] = SubplotAxis("x2", Domain(0, 0.285), "Drawdown (%)");
        layout["annotations"] = new JsonArray(SubplotTitle(Title, 1), SubplotTitle("Drawdown (%)", 0.285));
        return Plotly.Figure([equity, drawdown], layout);
    }

    private static JsonArray Domain(double from, double to) => [from, to];

    private static JsonObject SubplotAxis(string anchor, JsonArray domain, string title)
    {
        var axis = Plotly.Axis(title);
        axis["anchor"] = anchor;
        axis["domain"] = domain;
        return axis;
    }

    private static JsonObject SubplotTitle(string text, double y) => new()
    {
        ["text"] = text,
        ["font"] = new JsonObject { ["size"] = 16 },
        ["showarrow"] = false,
        ["x"] = 0.5,
        ["xanchor"] = "center",
        ["xref"] = "paper",
        ["y"] = y,
        ["yanchor"] = "bottom",
        ["yref"] = "paper",
    };
}
