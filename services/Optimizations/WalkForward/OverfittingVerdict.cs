namespace Platform.Optimizations.WalkForward;

/// <summary>
/// Whether the optimization likely fitted noise, with the rules that fired. Each rule looks at one symptom; any one makes
/// <see cref="Likely"/> true. With no evaluated window no rule can be judged and the verdict is empty.
/// </summary>
internal sealed record OverfittingVerdict(bool Likely, IReadOnlyList<string> Reasons)
{
    /// <summary>Out-of-sample keeping less than half the in-sample annualized return (Pardo's usual acceptance line).</summary>
    public const double MinEfficiency = 0.5;

    /// <summary>Fewer than half the windows profitable out of sample.</summary>
    public const double MinPositiveWindowRate = 0.5;

    /// <summary>A varied parameter whose best value spreads by more than half its mean from window to window.</summary>
    public const double MaxCoefficientOfVariation = 0.5;

    /// <summary>Average out-of-sample Sharpe below this fraction of a positive average in-sample Sharpe.</summary>
    public const double MinSharpeRetention = 0.5;

    public static OverfittingVerdict Assess(
        IReadOnlyList<WalkForwardWindow> windows,
        WalkForwardSummary summary,
        double? efficiency,
        IReadOnlyDictionary<string, ParameterStability> stability)
    {
        if (windows.Count == 0)
        {
            return new OverfittingVerdict(false, []);
        }
        var reasons = new List<string>();
        if (efficiency < MinEfficiency)
        {
            reasons.Add($"walk-forward efficiency {efficiency:0.###} is below {MinEfficiency}: out-of-sample returns keep less than half of the in-sample returns");
        }
        if (summary.PositiveWindowRate < MinPositiveWindowRate)
        {
            reasons.Add($"only {summary.PositiveWindows} of {summary.TotalWindows} windows were profitable out of sample (below {MinPositiveWindowRate:P0})");
        }
        foreach (var (parameter, stats) in stability)
        {
            if (stats.CoefficientOfVariation > MaxCoefficientOfVariation)
            {
                reasons.Add($"parameter {parameter} is unstable across windows: coefficient of variation {stats.CoefficientOfVariation:0.###} is above {MaxCoefficientOfVariation}");
            }
        }
        var isSharpe = Statistics.Mean([.. windows.Select(window => window.IsMetrics.SharpeRatio)]);
        var oosSharpe = Statistics.Mean([.. windows.Select(window => window.OosMetrics.SharpeRatio)]);
        if (isSharpe > 0 && oosSharpe < MinSharpeRetention * isSharpe)
        {
            reasons.Add($"average out-of-sample Sharpe {oosSharpe:0.###} is below {MinSharpeRetention} × the in-sample {isSharpe:0.###}");
        }
        return new OverfittingVerdict(reasons.Count > 0, reasons);
    }
}
