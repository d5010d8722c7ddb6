using Platform.Optimizations.MonteCarlo;

namespace Platform.Optimizations.Bench;

/// <summary>
/// The optimization benchmarks: Monte Carlo cases timed in process, then grids and searches through the whole platform
/// (<c>--case runs</c> alone).
/// </summary>
internal static class OptimizationsBenchmark
{
    public static async Task Main(string[] args)
    {
        var runs = args.Contains("--quick") ? 3 : 10;
        var only = args.SkipWhile(arg => arg != "--case").Skip(1).FirstOrDefault();

        var trades = SyntheticTrades.Generate(1_000, seed: 42);
        var tenThousand = new MonteCarloOptions { Simulations = 10_000, Seed = 42 };

        // Every case of the suite; add one here (name, sizes, unit of its rate, work) and it is timed like the others.
        List<BenchCase> cases =
        [
            new("monte_carlo_10k_x_1000", "simulations=10000 trades=1000", "simulations", 10_000,
                () => MonteCarloSimulator.Run(trades, tenThousand)),
            new("monte_carlo_permutation_10k_x_1000", "simulations=10000 trades=1000", "simulations", 10_000,
                () => MonteCarloSimulator.Run(trades, tenThousand with { Method = MonteCarloMethod.Permutation })),
            new("monte_carlo_stressed_10k_x_1000", "simulations=10000 trades=1000", "simulations", 10_000,
                () => MonteCarloSimulator.Run(trades, tenThousand with { FeeMultiplier = 2, SlippageBps = 5, SkipFraction = 0.1 })),
            new("monte_carlo_100k_x_1000", "simulations=100000 trades=1000", "simulations", 100_000,
                () => MonteCarloSimulator.Run(trades, tenThousand with { Simulations = 100_000 })),
        ];

        foreach (var benchCase in cases.Where(c => only is null || c.Name == only))
        {
            Harness.Measure(benchCase, warmups: 2, runs);
        }

        // Grids and searches go through the whole platform (services, PostgreSQL, Redis), so they are timed end to end, once per setup.
        if (only is null || only == "runs")
        {
            await RunsBenchmark.RunAsync();
        }
    }
}
