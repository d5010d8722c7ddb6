namespace Platform.Optimizations.Bench;

/// <summary>
/// One timed workload: <paramref name="Sizes"/> is printed as given ("simulations=10000 trades=1000"), and the rate is
/// <paramref name="Units"/> of <paramref name="Unit"/> per second of the best run.
/// </summary>
internal sealed record BenchCase(string Name, string Sizes, string Unit, long Units, Action Run);
