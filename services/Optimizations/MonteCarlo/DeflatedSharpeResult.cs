namespace Platform.Optimizations.MonteCarlo;

/// <summary>
/// The deflated Sharpe ratio and what went into it. <see cref="Probability"/> (0–1) is the confidence that the true
/// Sharpe ratio exceeds <see cref="ExpectedMaxSharpe"/>, the best Sharpe ratio that <see cref="Trials"/> skill-less
/// trials would show by luck. Sharpe ratios are per observation (not annualized), the kurtosis is not excess (3 for a
/// normal distribution).
/// </summary>
internal sealed record DeflatedSharpeResult(
    double Probability,
    double ExpectedMaxSharpe,
    double ObservedSharpe,
    int Trials,
    int Observations,
    double Skewness,
    double Kurtosis,
    double TrialsSharpeVariance);
