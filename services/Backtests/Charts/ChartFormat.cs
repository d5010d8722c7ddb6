namespace Platform.Backtests.Charts;

/// <summary>
/// How a chart is answered: <c>plotly_json</c>, the contract's <c>{"plotly_json": "&lt;figure as a JSON
/// string&gt;"}</c>, the default; <c>figure</c>, the same figure as a JSON object; <c>png</c>, an image rendered here.
/// </summary>
internal enum ChartFormat
{
    PlotlyJson,
    Figure,
    Png,
}

internal static class ChartFormats
{
    public static readonly string[] Names = ["plotly_json", "figure", "png"];

    public const string PngContentType = "image/png";

    /// <summary>An absent <c>format</c> is <see cref="ChartFormat.PlotlyJson"/>; otherwise an exact name.</summary>
    public static bool TryParse(string? name, out ChartFormat format)
    {
        var index = name is null ? 0 : Array.IndexOf(Names, name);
        format = (ChartFormat)Math.Max(index, 0);
        return index >= 0;
    }

    public static string Invalid(string name) => $"Invalid format: {name}. Must be one of: {string.Join(", ", Names)}";
}
