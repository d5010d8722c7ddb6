namespace Platform.Backtests.Charts;

/// <summary>The original charts' palette (docs/api-behaviour.md, 2.12).</summary>
internal static class ChartColors
{
    public const string Equity = "#2E86AB";
    public const string EquityFill = "rgba(46, 134, 171, 0.1)";
    public const string Drawdown = "#E63946";
    public const string DrawdownFill = "rgba(230, 57, 70, 0.2)";
    public const string OverlayDrawdownFill = "rgba(230, 57, 70, 0.15)";
    public const string OffWhite = "#F1FAEE";
    public const string BarOutline = "#1D3557";
    public const string MeanLine = "#457B9D";
    public const string MedianLine = "#A8DADC";

    // The trades chart's own: a quiet price line under green long entries, red short entries and dark exits.
    public const string Price = "#457B9D";
    public const string LongEntry = "#2A9D8F";
    public const string ShortEntry = "#E63946";
    public const string Exit = "#1D3557";

    /// <summary>The PnL bars' scale: red for the lowest value, off-white midway, blue for the highest.</summary>
    public static readonly (double Stop, string Color)[] PnlScale = [(0, Drawdown), (0.5, OffWhite), (1, Equity)];

    /// <summary>The colour of <see cref="PnlScale"/> at <paramref name="position"/> (0–1), interpolated in RGB.</summary>
    public static (byte R, byte G, byte B) PnlScaleAt(double position)
    {
        var t = Math.Clamp(double.IsFinite(position) ? position : 0.5, 0, 1);
        var (from, to, start) = t <= 0.5 ? (Drawdown, OffWhite, 0.0) : (OffWhite, Equity, 0.5);
        var f = (t - start) / 0.5;
        var (a, b) = (Rgb(from), Rgb(to));
        return (Mix(a.R, b.R, f), Mix(a.G, b.G, f), Mix(a.B, b.B, f));
    }

    private static byte Mix(byte a, byte b, double f) => (byte)Math.Round(a + (b - a) * f);

    private static (byte R, byte G, byte B) Rgb(string hex) =>
        (Convert.ToByte(hex[1..3], 16), Convert.ToByte(hex[3..5], 16), Convert.ToByte(hex[5..7], 16));
}
