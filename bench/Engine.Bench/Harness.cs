using System.Diagnostics;
using System.Globalization;

namespace Platform.Engine.Bench;

/// <summary>Warm-up runs, then the best of N timed runs; prints one line per case and returns the best time.</summary>
internal static class Harness
{
    /// <param name="reference">A case's best time to print this one's ratio to, as <c>ratio_to_&lt;name&gt;</c>.</param>
    public static double Measure(string name, long bars, int warmups, int runs, Action action, (string Name, double Seconds)? reference = null)
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

        var ratio = reference is { } to ? string.Create(CultureInfo.InvariantCulture, $" ratio_to_{to.Name}={best / to.Seconds:F3}") : "";
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"case={name} bars={bars} seconds={best:F6} bars_per_second={bars / best:F0}{ratio}"));
        return best;
    }
}
