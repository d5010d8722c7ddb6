using System.Diagnostics;
using System.Globalization;

namespace Platform.Engine.Bench;

/// <summary>
/// Warm-up runs, then N timed runs; prints one line per case with the best and the median time, and the bytes allocated
/// and gen-0 collections per run (over every thread), and returns the best time.
/// </summary>
internal static class Harness
{
    /// <summary>The cases to run (<c>--case a,b</c>); every case when empty.</summary>
    public static IReadOnlySet<string> Only { get; set; } = new HashSet<string>();

    /// <param name="reference">A case's best time to print this one's ratio to, as <c>ratio_to_&lt;name&gt;</c>.</param>
    /// <param name="items">Backtests per run: with more than one, each one's share of the best time is printed and compared.</param>
    /// <param name="cores">Cores the run uses: the reference's time is shared among them before the ratio is taken.</param>
    /// <returns>The best time; NaN when the case was not selected.</returns>
    public static double Measure(
        string name, long bars, int warmups, int runs, Action action, (string Name, double Seconds)? reference = null, int items = 1, int cores = 1)
    {
        if (Only.Count > 0 && !Only.Contains(name))
        {
            return double.NaN;
        }

        for (var i = 0; i < warmups; i++)
        {
            action();
        }

        var times = new double[runs];
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var collections = GC.CollectionCount(0);
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            action();
            times[i] = watch.Elapsed.TotalSeconds;
        }
        var bytesPerRun = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / runs;
        var gen0PerRun = (double)(GC.CollectionCount(0) - collections) / runs;

        Array.Sort(times);
        var best = times[0];
        var median = runs % 2 == 1 ? times[runs / 2] : (times[runs / 2 - 1] + times[runs / 2]) / 2;
        var each = items > 1 ? string.Create(CultureInfo.InvariantCulture, $" backtests={items} ms_per_backtest={best / items * 1000:F3} allocated_bytes_per_backtest={bytesPerRun / items}") : "";
        var ratio = reference is { } to && !double.IsNaN(to.Seconds)
            ? string.Create(CultureInfo.InvariantCulture, $" ratio_to_{to.Name}={best / items / (to.Seconds / cores):F3}")
            : "";
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"case={name} bars={bars} seconds={best:F6} median_seconds={median:F6} bars_per_second={bars / best:F0} allocated_bytes={bytesPerRun} gen0={gen0PerRun:F2}{each}{ratio}"));
        return best;
    }
}
