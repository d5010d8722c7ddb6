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
        var steps = new Dictionary<string, (double Cpu, double Wall, long Bytes)>();
        var bytes = new Dictionary<string, long>();
        void Record(string step, double cpu, double wall) =>
            steps[step] = steps.TryGetValue(step, out var best)
                ? (Math.Min(best.Cpu, cpu), Math.Min(best.Wall, wall), bytes.GetValueOrDefault(step))
                : (cpu, wall, bytes.GetValueOrDefault(step));

        for (var run = 0; run < runs + 3; run++)
        {
            var clock = new StepClock();
            // A spec keeps its bound program; binding afresh is what a combination's first evaluation costs.
            var rules = strategy.Definition.Program.Bind(strategy.Parameters);
            var managed = rules.Management.ApplyTo(settings);
            clock.Lap(out var bindCpu, out var bindWall);
            bytes["bind"] = clock.LastBytes;
            var n = candles.Count;
            var equity = GC.AllocateUninitializedArray<double>(n);
            var signals = GC.AllocateUninitializedArray<byte>(n);
            clock.Lap(out var allocateCpu, out var allocateWall);
            var cache = new IndicatorCache(candles);
            rules.Signals.Write(cache, signals);
            clock.Lap(out var firstCpu, out var firstWall);
            rules.Signals.Write(cache, signals);
            clock.Lap(out var signalCpu, out var signalWall);
            bytes["signals"] = clock.LastBytes;
            var trades = new List<Trade>();
            Simulator.Run(cache, managed, signals, null, equity, trades);
            clock.Lap(out var simulateCpu, out var simulateWall);
            trades.Clear();
            Simulator.Run(cache, managed, signals, null, equity, trades);
            clock.Lap(out var resimulateCpu, out var resimulateWall);
            bytes["simulate_again"] = clock.LastBytes;
            MetricsCalculator.Compute(candles, managed, equity, trades);
            clock.Lap(out var metricsCpu, out var metricsWall);
            bytes["metrics"] = clock.LastBytes;
            Fingerprint.Compute(candles, strategy, managed, []);
            clock.Lap(out var fingerprintCpu, out var fingerprintWall);
            bytes["fingerprint"] = clock.LastBytes;
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

        foreach (var (step, (cpu, wall, allocated)) in steps)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"case=profile_{step} bars={candles.Count} cpu_ms={cpu * 1000:F3} wall_ms={wall * 1000:F3} allocated_bytes={allocated}"));
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

    /// <summary>The CPU and wall time since the previous lap, and the bytes the thread allocated in it (<see cref="LastBytes"/>).</summary>
    private sealed class StepClock
    {
        private double _cpu = ThreadCpuSeconds();
        private readonly Stopwatch _wall = Stopwatch.StartNew();
        private double _wallMark;
        private long _bytes = GC.GetAllocatedBytesForCurrentThread();

        public long LastBytes { get; private set; }

        public void Lap(out double cpu, out double wall)
        {
            var (nowCpu, nowWall, nowBytes) = (ThreadCpuSeconds(), _wall.Elapsed.TotalSeconds, GC.GetAllocatedBytesForCurrentThread());
            (cpu, wall, LastBytes) = (nowCpu - _cpu, nowWall - _wallMark, nowBytes - _bytes);
            (_cpu, _wallMark, _bytes) = (nowCpu, nowWall, nowBytes);
        }
    }
}
