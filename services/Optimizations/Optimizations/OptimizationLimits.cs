namespace Platform.Optimizations.Optimizations;

/// <summary>Settings under <c>Optimizations:Limits</c> (docs/api-behaviour.md, 3.4 and 3.10).</summary>
internal sealed class OptimizationLimits
{
    public const string Section = "Optimizations:Limits";

    /// <summary>
    /// Most bars an optimization's date range may hold at its timeframe. A grid holds per bar the 48 bytes of candle
    /// columns read from market data and the engine's 48-byte copy, entry permits (1), a signal and an equity buffer per
    /// core (9 each, 2 cores: 18), and one 8-byte series per distinct indicator of the grid; a 20 × 20 crossover grid
    /// keeps 40 of them (320 bytes). About 430 bytes a bar: 410 MiB for 1,000,000 bars, within the 768 MiB of managed heap
    /// the runtime allows in an optimizations pod's 1 GiB (deploy/kubernetes), with room for the service and the candle
    /// cache of another run.
    /// </summary>
    public long MaxBars { get; set; } = 1_000_000;

    /// <summary>
    /// Most simulations × trades one Monte Carlo request may ask for: each cell is a drawn trade return, and 50,000,000
    /// of them take a few seconds on two cores, the time an answer given at once may take.
    /// </summary>
    public long MaxMonteCarloCells { get; set; } = 50_000_000;
}
