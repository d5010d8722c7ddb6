using System.Diagnostics;
using System.Globalization;

namespace Platform.Engine.Bench;

/// <summary>Warm-up runs, then the best of N timed runs; prints one line per case.</summary>
internal static class Harness
{
    public static void Measure(string name, long bars, int warmups, int runs, Action action)
    {
        for (var i = 0; i < warmups; i++)
        {
            action();
        }

        var best = double.MaxValue;
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            action();
            best = Math.Min(best, watch.Elapsed.TotalSeconds);
        }

        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"case={name} bars={bars} seconds={best:F6} bars_per_second={bars / best:F0}"));
    }
}
