namespace Platform.Backtests.Charts;

/// <summary>One kind of marker of the trades chart: where each one sits (exact time and price) and its hover text.</summary>
internal sealed record TradeMarkers(string Name, long[] Time, double[] Price, string[] Hover)
{
    public int Count => Time.Length;

    public static TradeMarkers From(string name, IReadOnlyList<(long Time, double Price, string Hover)> points) =>
        new(name, [.. points.Select(p => p.Time)], [.. points.Select(p => p.Price)], [.. points.Select(p => p.Hover)]);
}
