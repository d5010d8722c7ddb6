using System.Text.Json.Nodes;

namespace Platform.Optimizations.Charts;

/// <summary>
/// A chart of a run, drawn the same way as a Plotly figure (JSON) and as a PNG (<see cref="ChartImage"/>): the figures
/// hold the data, the two renderers only draw it.
/// </summary>
internal abstract record RunFigure(string Title)
{
    public abstract JsonObject ToPlotly();

    protected JsonObject Layout(string xTitle, string yTitle) => new()
    {
        ["title"] = new JsonObject { ["text"] = Title },
        ["xaxis"] = new JsonObject { ["title"] = new JsonObject { ["text"] = xTitle } },
        ["yaxis"] = new JsonObject { ["title"] = new JsonObject { ["text"] = yTitle } },
        ["template"] = "plotly_white",
    };

    protected static JsonArray Array(IEnumerable<double> values) => new([.. values.Select(value => (JsonNode)JsonValue.Create(value))]);

    protected static JsonArray Array(IEnumerable<double?> values) => new([.. values.Select(value => value is { } number ? (JsonNode)JsonValue.Create(number) : null)]);

    protected static JsonArray Array(IEnumerable<string> values) => new([.. values.Select(value => (JsonNode)JsonValue.Create(value))]);
}

/// <summary>
/// The score over two parameters: one cell per pair of values, holding the best score of the results with that pair (the
/// other parameters at their best), empty where none was evaluated or scored.
/// </summary>
internal sealed record HeatmapFigure(string Title, string XName, string YName, string Metric, double[] X, double[] Y, double?[][] Scores)
    : RunFigure(Title)
{
    public override JsonObject ToPlotly()
    {
        var layout = Layout(XName, YName);
        return new JsonObject
        {
            ["data"] = new JsonArray(new JsonObject
            {
                ["type"] = "heatmap",
                ["x"] = Array(X),
                ["y"] = Array(Y),
                ["z"] = new JsonArray([.. Scores.Select(row => (JsonNode)Array(row))]),
                ["colorscale"] = "Viridis",
                ["colorbar"] = new JsonObject { ["title"] = new JsonObject { ["text"] = Metric } },
                ["hovertemplate"] = $"{XName}=%{{x}}<br>{YName}=%{{y}}<br>{Metric}=%{{z}}<extra></extra>",
            }),
            ["layout"] = layout,
        };
    }
}

/// <summary>A walk-forward's out-of-sample equity, stitched window after window, with a line where each test window starts.</summary>
internal sealed record WalkForwardEquityFigure(string Title, DateTimeOffset[] Times, double[] Equity, DateTimeOffset[] WindowStarts) : RunFigure(Title)
{
    public override JsonObject ToPlotly()
    {
        var layout = Layout("Time", "Equity ($)");
        layout["shapes"] = new JsonArray([.. WindowStarts.Select(start => (JsonNode)new JsonObject
        {
            ["type"] = "line",
            ["xref"] = "x",
            ["yref"] = "paper",
            ["x0"] = start.ToString("O"),
            ["x1"] = start.ToString("O"),
            ["y0"] = 0,
            ["y1"] = 1,
            ["line"] = new JsonObject { ["color"] = ChartColors.Boundary, ["width"] = 1, ["dash"] = "dot" },
        })]);
        return new JsonObject
        {
            ["data"] = new JsonArray(new JsonObject
            {
                ["type"] = "scatter",
                ["mode"] = "lines",
                ["name"] = "Out-of-sample equity",
                ["x"] = Array(Times.Select(time => time.ToString("O"))),
                ["y"] = Array(Equity),
                ["line"] = new JsonObject { ["color"] = ChartColors.Equity, ["width"] = 2 },
            }),
            ["layout"] = layout,
        };
    }
}

/// <summary>A Monte Carlo's fan: the 5–95 and 25–75 percentile bands of the simulated paths' return, and their median, by trades taken.</summary>
internal sealed record FanFigure(string Title, double[] Trades, double[] P5, double[] P25, double[] P50, double[] P75, double[] P95) : RunFigure(Title)
{
    public override JsonObject ToPlotly() => new()
    {
        ["data"] = new JsonArray(
            Band(P5, "5th percentile", null),
            Band(P95, "5th–95th percentile", ChartColors.OuterBand),
            Band(P25, "25th percentile", null),
            Band(P75, "25th–75th percentile", ChartColors.InnerBand),
            new JsonObject
            {
                ["type"] = "scatter",
                ["mode"] = "lines",
                ["name"] = "Median",
                ["x"] = Array(Trades),
                ["y"] = Array(P50),
                ["line"] = new JsonObject { ["color"] = ChartColors.Equity, ["width"] = 2 },
            }),
        ["layout"] = Layout("Trades", "Return (%)"),
    };

    /// <summary>A band's edge: the lower edge is drawn invisible, the upper one fills down to it (<c>tonexty</c>).</summary>
    private JsonObject Band(double[] values, string name, string? fill) => new()
    {
        ["type"] = "scatter",
        ["mode"] = "lines",
        ["name"] = name,
        ["x"] = Array(Trades),
        ["y"] = Array(values),
        ["line"] = new JsonObject { ["width"] = 0 },
        ["fill"] = fill is null ? "none" : "tonexty",
        ["fillcolor"] = fill,
        ["showlegend"] = fill is not null,
    };
}

/// <summary>The charts' colours, shared by the Plotly figures and the images.</summary>
internal static class ChartColors
{
    public const string Equity = "#1f77b4";
    public const string Boundary = "#7f7f7f";
    public const string OuterBand = "rgba(31,119,180,0.15)";
    public const string InnerBand = "rgba(31,119,180,0.35)";
}
