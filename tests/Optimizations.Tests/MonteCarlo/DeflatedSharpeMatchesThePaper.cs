using Platform.Optimizations.MonteCarlo;

namespace Platform.Optimizations.Tests.MonteCarlo;

public sealed class DeflatedSharpeMatchesThePaper
{
    [Fact]
    public void ThePapersWorkedExample()
    {
        // Bailey & López de Prado (2014), numerical example: an annualized Sharpe ratio of 2.5 over five years of daily
        // returns (T = 1250, 250 a year), picked among N = 100 trials whose annualized Sharpe ratios have a variance of
        // 0.5, with skewness −3 and kurtosis 10. Per day: SR = 2.5 / √250, V = 0.5 / 250.
        // The paper finds SR₀ ≈ 0.1132 and DSR ≈ 0.9004.
        var result = DeflatedSharpe.Compute(2.5 / Math.Sqrt(250), trials: 100, observations: 1250, skewness: -3, kurtosis: 10, trialsSharpeVariance: 0.5 / 250);

        Assert.Equal(0.1132, result.ExpectedMaxSharpe, 0.00005);
        Assert.Equal(0.9004, result.Probability, 0.00005);
    }

    [Fact]
    public void ASingleTrialIsTheProbabilisticSharpeRatio()
    {
        // N = 1: SR₀ = 0. SR = 0.1, T = 101, normal returns (skewness 0, kurtosis 3):
        // z = 0.1 · √100 / √(1 + (3 − 1)/4 · 0.01) = 1 / √1.005 = 0.99750934, Φ(z) = 0.84074133.
        var result = DeflatedSharpe.Compute(0.1, trials: 1, observations: 101, skewness: 0, kurtosis: 3);

        Assert.Equal(0, result.ExpectedMaxSharpe);
        Assert.Equal(0.84074133, result.Probability, 1e-8);
    }

    [Fact]
    public void TwoTrialsUseOnlyTheSecondQuantile()
    {
        // N = 2: Φ⁻¹(1 − 1/2) = 0 and Φ⁻¹(1 − 1/(2e)) = Φ⁻¹(0.81606028) = 0.90045260, so with V = 0.01
        // SR₀ = 0.1 · 0.57721566 · 0.90045260 = 0.05197553. With SR = 0.3, T = 101, normal returns:
        // z = (0.3 − 0.05197553) · 10 / √1.045 = 2.42625463, Φ(z) = 0.99237222.
        var result = DeflatedSharpe.Compute(0.3, trials: 2, observations: 101, skewness: 0, kurtosis: 3, trialsSharpeVariance: 0.01);

        Assert.Equal(0.05197553, result.ExpectedMaxSharpe, 1e-8);
        Assert.Equal(0.99237222, result.Probability, 1e-8);
    }

    [Fact]
    public void FromReturnsUsesTheSampleMoments()
    {
        // Mean 0.005; deviations ±0.005 and ±0.015: sample SD = √(5e-4 / 3), SR = 0.38729833; skewness 0;
        // kurtosis = (1.025e-7 / 4) / (1.25e-4)² = 1.64. One trial: z = 0.38729833 · √3 / √(1 + 0.16 · 0.15) = 0.66291261,
        // Φ(z) = 0.74630674.
        var result = DeflatedSharpe.FromReturns([0.01, -0.01, 0.02, 0], trials: 1)!;

        Assert.Equal(0.38729833, result.ObservedSharpe, 1e-8);
        Assert.Equal(0, result.Skewness, 12);
        Assert.Equal(1.64, result.Kurtosis, 12);
        Assert.Equal(4, result.Observations);
        Assert.Equal(0.74630674, result.Probability, 1e-8);
    }

    [Fact]
    public void WithoutATrialVarianceTheTrialsAreNoise()
    {
        // V = 1 / (T − 1) = 1/3; N = 10: SR₀ = √(1/3) · (0.42278434 · Φ⁻¹(0.9) + 0.57721566 · Φ⁻¹(1 − 1/(10e))) = 0.90909475,
        // above the observed 0.387, so the deflated probability falls to 0.18589540.
        var result = DeflatedSharpe.FromReturns([0.01, -0.01, 0.02, 0], trials: 10)!;

        Assert.Equal(1.0 / 3, result.TrialsSharpeVariance, 12);
        Assert.Equal(0.90909475, result.ExpectedMaxSharpe, 1e-8);
        Assert.Equal(0.18589540, result.Probability, 1e-8);
    }

    [Fact]
    public void MoreTrialsDeflateMore()
    {
        var probabilities = new[] { 1, 10, 100, 10_000 }
            .Select(trials => DeflatedSharpe.Compute(0.2, trials, observations: 250, skewness: -0.5, kurtosis: 5).Probability)
            .ToArray();

        Assert.Equal(probabilities.OrderDescending(), probabilities);
        Assert.True(probabilities[0] > probabilities[^1]);
    }

    [Fact]
    public void UndefinedForTooFewOrEqualReturns()
    {
        Assert.Null(DeflatedSharpe.FromReturns([0.01], trials: 5));
        Assert.Null(DeflatedSharpe.FromReturns([0.01, 0.01, 0.01], trials: 5));
    }

    [Fact]
    public void RejectsImpossibleInputs()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DeflatedSharpe.Compute(0.1, trials: 0, observations: 100, skewness: 0, kurtosis: 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => DeflatedSharpe.Compute(0.1, trials: 5, observations: 1, skewness: 0, kurtosis: 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => DeflatedSharpe.Compute(0.1, trials: 5, observations: 100, skewness: 0, kurtosis: 3, trialsSharpeVariance: -1));
        Assert.Throws<ArgumentException>(() => DeflatedSharpe.Compute(double.NaN, trials: 5, observations: 100, skewness: 0, kurtosis: 3));
    }
}
