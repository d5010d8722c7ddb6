using Platform.Optimizations.MonteCarlo;

namespace Platform.Optimizations.Tests.MonteCarlo;

public sealed class SameSeedGivesSameOutput
{
    private static readonly double[] Returns = Simulation.Returns(300, seed: 11);

    [Theory]
    [InlineData("bootstrap")]
    [InlineData("permutation")]
    public void TwoRunsWithOneSeedAreIdentical(string method)
    {
        var options = new MonteCarloOptions { Simulations = 1_000, Seed = 42, Method = Enum.Parse<MonteCarloMethod>(method, ignoreCase: true), SkipFraction = 0.1 };

        Assert.Equal(Simulation.ToJson(Simulation.Run(Returns, options)), Simulation.ToJson(Simulation.Run(Returns, options)));
    }

    [Fact]
    public void AnotherSeedGivesAnotherDistribution()
    {
        var options = new MonteCarloOptions { Simulations = 1_000, Seed = 42 };

        var first = Simulation.Run(Returns, options);
        var second = Simulation.Run(Returns, options with { Seed = 43 });

        Assert.NotEqual(first.MeanReturn, second.MeanReturn);
        Assert.NotEqual(first.ReturnHistogram.Counts, second.ReturnHistogram.Counts);
        Assert.Equal(first.OriginalReturn, second.OriginalReturn);
    }

    [Theory]
    [InlineData("bootstrap")]
    [InlineData("permutation")]
    public void TheThreadCountDoesNotMatter(string method)
    {
        var options = new MonteCarloOptions { Simulations = 3_001, Seed = 5, Method = Enum.Parse<MonteCarloMethod>(method, ignoreCase: true) };

        var outputs = new[] { 1, 2, 4 }.Select(threads => Simulation.ToJson(Simulation.Run(Returns, options with { MaxDegreeOfParallelism = threads })));

        Assert.Single(outputs.Distinct());
    }

    [Fact]
    public void WithoutASeedTheReportedSeedReproducesTheRun()
    {
        var options = new MonteCarloOptions { Simulations = 500 };

        var unseeded = Simulation.Run(Returns, options);
        var replayed = Simulation.Run(Returns, options with { Seed = unseeded.Seed });

        Assert.Equal(Simulation.ToJson(unseeded), Simulation.ToJson(replayed));
    }
}
