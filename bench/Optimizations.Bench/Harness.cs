using System.Diagnostics;
using System.Globalization;

namespace Platform.Optimizations.Bench;

/// <summary>Warm-up runs, then the best of N timed runs; prints one line per case.</summary>
internal static class Harness
{
    public static void Measure(BenchCase benchCase, int warmups, int runs)
    {
        for (var i = 0; i < warmups; i++)
        {
            benchCase.Run();
        }

        var best = double.MaxValue;
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            benchCase.Run();
            best = Math.Min(best, watch.Elapsed.TotalSeconds);
        }

        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"case={benchCase.Name} {benchCase.Sizes} seconds={best:F6} {benchCase.Unit}_per_second={benchCase.Units / best:F0}"));
    }
}
