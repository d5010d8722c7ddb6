using Platform.Engine.Data;

namespace Platform.Optimizations.WalkForward;

/// <summary>
/// Walk-forward efficiency (Pardo): out-of-sample annualized return over in-sample annualized return, per window, averaged
/// over the windows where it is defined. A result near 1 keeps the in-sample edge; near 0 or below, the edge was fitted noise.
/// </summary>
internal static class WalkForwardEfficiency
{
    private const double DaysPerYear = 365;

    /// <summary>
    /// Simple annualization, total return × 365 / window days, from the window's length in time. Compounding a few days'
    /// return to a year explodes (10 % in 2 days would be 3.6e7) and would let one short window dominate the mean.
    /// </summary>
    public static double Annualize(double totalReturn, long startMs, long endMs) =>
        totalReturn * DaysPerYear * Interval.DayMs / (endMs - startMs);

    /// <summary>
    /// Null when the in-sample annualized return is 0 or negative: the ratio has no meaning there (a loss over a loss would
    /// read as a positive efficiency), and the best in-sample combination losing money says the grid found no edge at all.
    /// </summary>
    public static double? Ratio(double isAnnualized, double oosAnnualized) => isAnnualized > 0 ? oosAnnualized / isAnnualized : null;

    /// <summary>The mean of the windows' defined efficiencies, or null when no window has one.</summary>
    public static double? Mean(IReadOnlyList<WalkForwardWindow> windows)
    {
        var defined = windows.Where(window => window.Efficiency is not null).Select(window => window.Efficiency!.Value).ToArray();
        return defined.Length == 0 ? null : Statistics.Mean(defined);
    }
}
