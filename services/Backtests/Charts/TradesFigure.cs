using System.Text.Json.Nodes;

namespace Platform.Backtests.Charts;

/// <summary>
/// <c>trades</c> (docs/api-behaviour.md, 2.15): the <c>Price</c> line and three marker traces, <c>Long entry</c>
/// (green triangle up), <c>Short entry</c> (red triangle down) and <c>Exit</c> (dark x), hovered one point at a time with
/// side, time, price and PnL. <c>layout.meta</c> counts what was drawn; a note says when trades were left out.
/// </summary>
internal static class TradesFigure
{
    public static JsonObject Build(TradesChartData data)
    {
        var price = Plotly.Line("Price", data.Price, new JsonObject { ["color"] = ChartColors.Price, ["width"] = 1 });
        price["hovertemplate"] = "%{x}<br>Close: %{y}<extra></extra>";
        var layout = new JsonObject
        {
            ["title"] = Plotly.Title(data.Title),
            ["height"] = 600,
            ["hovermode"] = "closest",
            ["showlegend"] = true,
            ["template"] = Plotly.Template,
            ["margin"] = Plotly.Margin(60, 30, 80, 50),
            ["xaxis"] = Plotly.Axis("Time"),
            ["yaxis"] = Plotly.Axis("Price (USDT)"),
            ["meta"] = new JsonObject
            {
                ["bars"] = data.Bars,
                ["price_points"] = data.Price.Time.Length,
                ["trades_total"] = data.TradesTotal,
                ["trades_shown"] = data.TradesShown,
                ["truncated"] = data.Truncated,
            },
        };
        if (data.Note is { } note)
        {
            layout["annotations"] = new JsonArray(new JsonObject
            {
                ["text"] = note,
                ["xref"] = "paper",
                ["yref"] = "paper",
                ["x"] = 0.5,
                ["y"] = 1.06,
                ["showarrow"] = false,
                ["font"] = new JsonObject { ["size"] = 12, ["color"] = ChartColors.Drawdown },
            });
        }

        return Plotly.Figure(
            [
                price,
                Markers(data.LongEntries, "triangle-up", ChartColors.LongEntry),
                Markers(data.ShortEntries, "triangle-down", ChartColors.ShortEntry),
                Markers(data.Exits, "x", ChartColors.Exit),
            ],
            layout);
    }

    private static JsonObject Markers(TradeMarkers markers, string symbol, string color) => new()
    {
        ["type"] = "scatter",
        ["mode"] = "markers",
        ["name"] = markers.Name,
        ["x"] = new JsonArray([.. markers.Time.Select(t => (JsonNode)Plotly.Time(t))]),
        ["y"] = Plotly.Numbers(markers.Price),
        ["text"] = new JsonArray([.. markers.Hover.Select(h => (JsonNode)h)]),
        ["hovertemplate"] = "%{text}<extra></extra>",
        ["marker"] = new JsonObject
        {
            ["symbol"] = symbol,
            ["color"] = color,
            ["size"] = 10,
            ["line"] = new JsonObject { ["color"] = ChartColors.Exit, ["width"] = 1 },
        },
    };
}
