namespace Platform.Optimizations.WalkForward;

/// <summary>
/// Chains the windows' out-of-sample equity into one curve, as if one account had traded each window in turn: a window's
/// equity is rescaled so its first point equals the previous window's last (the initial capital for the first). When
/// out-of-sample windows overlap (step &lt; test), a window contributes only its bars before the next window starts.
/// </summary>
internal static class EquityStitcher
{
    public static IReadOnlyList<EquityPoint> Stitch(IReadOnlyList<EquitySegment> segments, double initialCapital)
    {
        var curve = new List<EquityPoint>();
        var capital = initialCapital;
        for (var index = 0; index < segments.Count; index++)
        {
            var time = segments[index].Time.Span;
            var equity = segments[index].Equity.Span;
            var cutoff = index + 1 < segments.Count ? segments[index + 1].Time.Span[0] : long.MaxValue;
            var scale = capital / equity[0];
            for (var bar = 0; bar < time.Length && time[bar] < cutoff; bar++)
            {
                curve.Add(new EquityPoint(DateTimeOffset.FromUnixTimeMilliseconds(time[bar]), equity[bar] * scale));
            }
            capital = curve[^1].Equity;
        }
        return curve;
    }
}
