namespace Platform.Optimizations.Overfitting;

/// <summary>
/// What combinatorially symmetric cross-validation found (<see cref="BacktestOverfitting"/>): the probability of
/// backtest overfitting, the distribution of the logits, how the in-sample best fared out of sample, and a verdict.
/// </summary>
/// <param name="Partitions">S, the blocks the periods were cut into.</param>
/// <param name="PeriodsLeftOut">The oldest periods left out so that the blocks are of equal size.</param>
/// <param name="Splits">C(S, S/2), the in-sample / out-of-sample splits evaluated.</param>
/// <param name="Probability">Share of splits whose in-sample best ranked at or below the out-of-sample median (λ ≤ 0).</param>
/// <param name="MedianLogit">The median λ: above 0 when the in-sample best usually stays above the median out of sample.</param>
/// <param name="ProbabilityOfLoss">Share of splits whose in-sample best had a negative out-of-sample Sharpe ratio.</param>
/// <param name="DegradationSlope">Slope of the least-squares line of the out-of-sample on the in-sample Sharpe ratio of the in-sample best; null when undefined.</param>
/// <param name="DegradationIntercept">Its intercept; null when undefined.</param>
internal sealed record OverfittingProbability(
    int Partitions,
    int PeriodsLeftOut,
    int Splits,
    double Probability,
    double MedianLogit,
    double ProbabilityOfLoss,
    double? DegradationSlope,
    double? DegradationIntercept,
    string Verdict)
{
    /// <summary>Below this PBO the selection is unlikely to be overfitted.</summary>
    public const double Low = 0.1;

    /// <summary>Above this PBO the in-sample best is more likely than not to be below the median out of sample.</summary>
    public const double High = 0.5;

    public static OverfittingProbability From(
        int partitions, int periodsLeftOut, IReadOnlyList<double> logits, IReadOnlyList<double> bestInSample, IReadOnlyList<double> bestOutOfSample)
    {
        var probability = logits.Count(logit => logit <= 0) / (double)logits.Count;
        var sorted = logits.Order().ToArray();
        var median = sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
        var (slope, intercept) = LeastSquares(bestInSample, bestOutOfSample);
        return new OverfittingProbability(
            partitions,
            periodsLeftOut,
            logits.Count,
            probability,
            median,
            bestOutOfSample.Count(sharpe => sharpe < 0) / (double)bestOutOfSample.Count,
            slope,
            intercept,
            VerdictOf(probability));
    }

    private static string VerdictOf(double probability) => probability switch
    {
        < Low => "unlikely overfitted: the in-sample best stays above the median out of sample in nearly every split",
        <= High => "possibly overfitted: the in-sample best often falls to the median or below out of sample",
        _ => "likely overfitted: the in-sample best falls to the median or below out of sample in most splits",
    };

    /// <summary>Over the pairs where both Sharpe ratios are finite; undefined with fewer than two or no spread in sample.</summary>
    private static (double? Slope, double? Intercept) LeastSquares(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        var pairs = x.Zip(y).Where(pair => double.IsFinite(pair.First) && double.IsFinite(pair.Second)).ToArray();
        if (pairs.Length < 2)
        {
            return (null, null);
        }
        var meanX = pairs.Average(pair => pair.First);
        var meanY = pairs.Average(pair => pair.Second);
        var spread = pairs.Sum(pair => (pair.First - meanX) * (pair.First - meanX));
        if (spread == 0)
        {
            return (null, null);
        }
        var slope = pairs.Sum(pair => (pair.First - meanX) * (pair.Second - meanY)) / spread;
        return (slope, meanY - slope * meanX);
    }
}
