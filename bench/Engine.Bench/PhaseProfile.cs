using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Platform.Engine.Backtesting;
using Platform.Engine.Data;
using Platform.Engine.Indicators;
using Platform.Engine.Metrics;
using Platform.Engine.Strategies;

namespace Platform.Engine.Bench;

/// <summary>
/// Where one backtest's time goes: the steps of <see cref="Backtester.Run"/> timed one by one, each the best of N, on the
/// calling thread's CPU clock (page faults included, other processes excluded) and on the wall clock; then what a worker adds
/// for a series it receives: validating and copying the candles, and hashing them for the fingerprint. The indicators are
/// the first signal pass on a fresh cache less a second pass on the warm one. One line per step.
/// </summary>
internal static partial class PhaseProfile
{
    private const int ThreadCpuClock = 3;

    public static void Run(CandleSeries candles, StrategySpec strategy, BacktestSettings settings, int runs)
    {
        var steps = new Dictionary<string, (double Cpu, double Wall)>();
        void Record(string step, double cpu, double wall) =>
            steps[step] = steps.TryGetValue(step, out var best) ? (Math.Min(best.Cpu, cpu), Math.Min(best.Wall, wall)) : (cpu, wall);

        for (var run = 0; run < runs + 3; run++)
        {
            var clock = new StepClock();
            var rules = strategy.Bind();
            var managed = rules.Management.ApplyTo(settings);
            clock.Lap(out var bindCpu, out var bindWall);
            var n = candles.Count;
            var equity = GC.AllocateUninitializedArray<double>(n);
            var signals = GC.AllocateUninitializedArray<byte>(n);
            clock.Lap(out var allocateCpu, out var allocateWall);
            var cache = new IndicatorCache(candles);
            rules.Signals.Write(cache, signals);
            clock.Lap(out var firstCpu, out var firstWall);
            rules.Signals.Write(cache, signals);
            clock.Lap(out var signalCpu, out var signalWall);
            var trades = new List<Trade>();
            Simulator.Run(cache, managed, signals, null, equity, trades);
            clock.Lap(out var simulateCpu, out var simulateWall);
            trades.Clear();
            Simulator.Run(cache, managed, signals, null, equity, trades);
            clock.Lap(out var resimulateCpu, out var resimulateWall);
            MetricsCalculator.Compute(candles, managed, equity, trades);
            clock.Lap(out var metricsCpu, out var metricsWall);
            Fingerprint.Compute(candles, strategy, managed, []);
            clock.Lap(out var fingerprintCpu, out var fingerprintWall);
            ReferenceLoop.Run(candles.OpenArray, candles.CloseArray, 10, 30, BacktestSettings.BybitTakerBps / 10_000, 10_000);
            clock.Lap(out var referenceCpu, out var referenceWall);
            var fresh = CandleSeries.Create(candles.Interval, candles.OpenTime, candles.Open, candles.High, candles.Low, candles.Close, candles.Volume).Series!;
            clock.Lap(out var copyCpu, out var copyWall);
            _ = fresh.ContentHash;
            clock.Lap(out var hashCpu, out var hashWall);
            if (run < 3)
            {
                continue;
            }
            Record("bind", bindCpu, bindWall);
            Record("allocate_outputs", allocateCpu, allocateWall);
            Record("indicators", firstCpu - signalCpu, firstWall - signalWall);
            Record("signals", signalCpu, signalWall);
            Record("simulate", simulateCpu, simulateWall);
            Record("metrics", metricsCpu, metricsWall);
            Record("simulate_again", resimulateCpu, resimulateWall);
            Record("fingerprint", fingerprintCpu, fingerprintWall);
            Record("reference_loop", referenceCpu, referenceWall);
            Record("validate_and_copy_candles", copyCpu, copyWall);
            Record("content_hash", hashCpu, hashWall);
        }

        foreach (var (step, (cpu, wall)) in steps)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"case=profile_{step} bars={candles.Count} cpu_ms={cpu * 1000:F3} wall_ms={wall * 1000:F3}"));
        }
    }

    private static double ThreadCpuSeconds()
    {
        clock_gettime(ThreadCpuClock, out var time);
        return time.Seconds + time.Nanoseconds / 1e9;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int clock_gettime(int clock, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private readonly struct TimeSpec
    {
        public readonly long Seconds;
        public readonly long Nanoseconds;
    }

    /// <summary>The CPU and wall time since the previous lap.</summary>
    private sealed class StepClock
    {
        private double _cpu = ThreadCpuSeconds();
        private readonly Stopwatch _wall = Stopwatch.StartNew();
        private double _wallMark;

        public void Lap(out double cpu, out double wall)
        {
            var (nowCpu, nowWall) = (ThreadCpuSeconds(), _wall.Elapsed.TotalSeconds);
            (cpu, wall) = (nowCpu - _cpu, nowWall - _wallMark);
            (_cpu, _wallMark) = (nowCpu, nowWall);
        }
    }
}
