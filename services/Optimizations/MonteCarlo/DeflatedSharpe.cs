namespace Platform.Optimizations.MonteCarlo;

/// <summary>
/// Bailey and López de Prado (2014), "The Deflated Sharpe Ratio: Correcting for Selection Bias, Backtest Overfitting
/// and Non-Normality", Journal of Portfolio Management 40(5). With SR the observed Sharpe ratio over T observations,
/// γ₃ and γ₄ the returns' skewness and kurtosis, N trials whose Sharpe ratios have variance V and γ Euler's constant:
/// SR₀ = √V · ((1 − γ) Φ⁻¹(1 − 1/N) + γ Φ⁻¹(1 − 1/(N e))) and
/// DSR = Φ((SR − SR₀) √(T − 1) / √(1 − γ₃ SR + (γ₄ − 1)/4 · SR²)).
/// </summary>
internal static class DeflatedSharpe
{
    public const double EulerMascheroni = 0.57721566490153286;

    /// <param name="observedSharpe">Mean / standard deviation of the per-period returns, not annualized.</param>
    /// <param name="trials">Parameter combinations tried before picking this one (1 when there was no selection).</param>
    /// <param name="observations">Returns behind the Sharpe ratio, at least 2.</param>
    /// <param name="skewness">Skewness of the returns (0 for a normal distribution).</param>
    /// <param name="kurtosis">Kurtosis of the returns, not excess (3 for a normal distribution).</param>
    /// <param name="trialsSharpeVariance">
    /// Variance of the trials' Sharpe ratios, in the same per-period unit. When unknown it defaults to 1 / (T − 1), the
    /// variance of the Sharpe estimate of a zero-Sharpe strategy: the trials are assumed to differ by noise alone.
    /// </param>
    public static DeflatedSharpeResult Compute(
        double observedSharpe, int trials, int observations, double skewness, double kurtosis, double? trialsSharpeVariance = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(trials, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(observations, 2);
        if (!double.IsFinite(observedSharpe) || !double.IsFinite(skewness) || !double.IsFinite(kurtosis))
        {
            throw new ArgumentException("The Sharpe ratio, skewness and kurtosis must be finite.");
        }
        if (trialsSharpeVariance is { } given && !(given >= 0 && double.IsFinite(given)))
        {
            throw new ArgumentOutOfRangeException(nameof(trialsSharpeVariance), given, "The variance must be finite and not negative.");
        }

        var variance = trialsSharpeVariance ?? 1.0 / (observations - 1);
        var expectedMax = ExpectedMaximumSharpe(trials, variance);

        // Never negative for a real distribution (kurtosis ≥ 1 + skewness²); the floor keeps the ratio defined at that bound.
        var dispersion = 1 - skewness * observedSharpe + (kurtosis - 1) / 4 * observedSharpe * observedSharpe;
        var z = (observedSharpe - expectedMax) * Math.Sqrt(observations - 1) / Math.Sqrt(Math.Max(dispersion, double.Epsilon));
        return new DeflatedSharpeResult(StandardNormal.Cdf(z), expectedMax, observedSharpe, trials, observations, skewness, kurtosis, variance);
    }

    /// <summary>
    /// The deflated Sharpe ratio of a return series: Sharpe = mean / sample standard deviation, skewness and kurtosis
    /// from the population moments (m₃ / m₂^1.5, m₄ / m₂²). Null with fewer than two returns or when all are equal.
    /// </summary>
    public static DeflatedSharpeResult? FromReturns(IReadOnlyList<double> returns, int trials, double? trialsSharpeVariance = null)
    {
        var count = returns.Count;
        if (count < 2)
        {
            return null;
        }

        var mean = returns.Average();
        double m2 = 0, m3 = 0, m4 = 0;
        foreach (var value in returns)
        {
            var deviation = value - mean;
            var squared = deviation * deviation;
            m2 += squared;
            m3 += squared * deviation;
            m4 += squared * squared;
        }
        if (m2 == 0)
        {
            return null;
        }

        var sharpe = mean / Math.Sqrt(m2 / (count - 1));
        m2 /= count;
        m3 /= count;
        m4 /= count;
        return Compute(sharpe, trials, count, m3 / Math.Pow(m2, 1.5), m4 / (m2 * m2), trialsSharpeVariance);
    }

    /// <summary>SR₀, the expected best Sharpe ratio of <paramref name="trials"/> independent skill-less trials; 0 for a single trial, which selects nothing.</summary>
    public static double ExpectedMaximumSharpe(int trials, double variance) =>
        trials == 1
            ? 0
            : Math.Sqrt(variance) * ((1 - EulerMascheroni) * StandardNormal.InverseCdf(1 - 1.0 / trials)
                + EulerMascheroni * StandardNormal.InverseCdf(1 - 1 / (trials * Math.E)));
}
