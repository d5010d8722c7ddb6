using System.Globalization;
using System.Text.Json.Nodes;
using Platform.Engine.Charts;

namespace Platform.Backtests.Charts;

/// <summary>Pieces of Plotly figure JSON shared by the three figures.</summary>
internal static class Plotly
{
    public const string Template = "plotly_white";

    public static JsonObject Figure(JsonArray data, JsonObject layout) => new() { ["data"] = data, ["layout"] = layout };

    public static JsonObject Title(string text) => new() { ["text"] = text };

    public static JsonObject Axis(string title) => new() { ["title"] = Title(title) };

    public static JsonObject Margin(int left, int right, int top, int bottom) =>
        new() { ["l"] = left, ["r"] = right, ["t"] = top, ["b"] = bottom };

    /// <summary>Numbers as JSON; a non-finite one (which JSON cannot hold) becomes null, a gap to Plotly.</summary>
    public static JsonArray Numbers(IEnumerable<double> values) => [.. values.Select(v => double.IsFinite(v) ? (JsonNode)v : null)];

    /// <summary>A line trace over a series, x as ISO-8601 UTC times without an offset, the form Plotly's date axes read.</summary>
    public static JsonObject Line(string name, DownsampledSeries series, JsonObject line) => new()
    {
        ["type"] = "scatter",
        ["name"] = name,
        ["x"] = new JsonArray([.. series.Time.Select(t => (JsonNode)Time(t))]),
        ["y"] = Numbers(series.Values),
        ["line"] = line,
    };

    /// <summary>A vertical line across the plot at <paramref name="x"/>, as Plotly's <c>add_vline</c> lays it out.</summary>
    public static JsonObject VerticalLine(double x, JsonObject line) => new()
    {
        ["type"] = "line",
        ["x0"] = x,
        ["x1"] = x,
        ["xref"] = "x",
        ["y0"] = 0,
        ["y1"] = 1,
        ["yref"] = "y domain",
        ["line"] = line,
    };

    public static string Time(long epochMs)
    {
        var time = DateTime.UnixEpoch.AddMilliseconds(epochMs);
        var format = epochMs % 1000 == 0 ? "yyyy-MM-ddTHH:mm:ss" : "yyyy-MM-ddTHH:mm:ss.fff";
        return time.ToString(format, CultureInfo.InvariantCulture);
    }
}
