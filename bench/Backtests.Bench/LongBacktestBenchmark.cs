using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Platform.Backtests.Queue;
using Platform.Candles;
using Platform.Engine.Backtesting;
using Platform.Engine.Configuration;
using Platform.Engine.Data;

namespace Platform.Backtests.Bench;

/// <summary>
/// A 5,000,000-bar one-minute backtest the way a worker runs it: the candle rows read through <see cref="CandleFeed"/>
/// from an answer that announces its length (generated as it is read, never held whole), the engine's validated series,
/// the run, and the outcome copied for storage. Prints the process's peak working set and the managed heap's peak,
/// sampled while it runs; it is the first case of the process, so nothing else has raised either peak.
/// </summary>
internal static class LongBacktestBenchmark
{
    public const string Name = "backtest_5m_bars";

    private const int Bars = 5_000_000;
    private static readonly long Start = new DateTimeOffset(2015, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

    public static async Task RunAsync()
    {
        var interval = Interval.Parse("1");
        var errors = new Dictionary<string, string[]>();
        var run = RunConfiguration.Create(
            "sma_crossover", new JsonObject { ["fast"] = 10, ["slow"] = 30 }, new JsonObject { ["direction"] = "both" }, interval, 10_000, 1, 0.0006, errors)!;
        var feed = new CandleFeed(new HttpClient(new GeneratedCandles()) { BaseAddress = new Uri("http://marketdata") });
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);

        using var sampler = new ManagedPeakSampler();
        var clock = Stopwatch.StartNew();
        var columns = await feed.ReadAsync("BTCUSDT", interval.Code, Start, Start + Bars * Interval.MinuteMs, CancellationToken.None);
        var readSeconds = clock.Elapsed.TotalSeconds;
        var series = CandleSeries.Create(interval, columns.OpenTime, columns.Open, columns.High, columns.Low, columns.Close, columns.Volume).Series!;
        var outcome = EngineOutcome.From(Backtester.Run(series, run.Strategy, run.Settings, run.Filters));
        var seconds = clock.Elapsed.TotalSeconds;
        var managedPeak = sampler.Stop();
        GC.KeepAlive(columns);
        GC.KeepAlive(outcome);

        using var process = Process.GetCurrentProcess();
        process.Refresh();
        const double MiB = 1024 * 1024;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"case={Name} bars={Bars} seconds={seconds:F2} read_seconds={readSeconds:F2} trades={outcome.Trades.Count} " +
            $"peak_working_set_mib={process.PeakWorkingSet64 / MiB:F0} managed_peak_mib={managedPeak / MiB:F0} " +
            $"allocated_mib={(GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / MiB:F0} managed_bytes_per_bar={(double)managedPeak / Bars:F0}"));
    }

    /// <summary>Answers every request with <see cref="Bars"/> binary rows of a seeded random walk and their Content-Length.</summary>
    private sealed class GeneratedCandles : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var content = new StreamContent(new RandomWalkRows(Bars));
            content.Headers.ContentLength = (long)Bars * CandleFeed.RowSize;
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content });
        }
    }

    /// <summary>56-byte rows (docs/api-behaviour.md, 4.14) written as they are read.</summary>
    private sealed class RandomWalkRows(int rows) : Stream
    {
        private readonly Random _random = new(42);
        private readonly byte[] _pending = new byte[CandleFeed.RowSize];
        private int _pendingOffset = CandleFeed.RowSize;
        private int _row;
        private double _price = 30_000;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var written = 0;
            while (written < buffer.Length)
            {
                if (_pendingOffset == _pending.Length)
                {
                    if (_row == rows)
                    {
                        break;
                    }
                    WriteRow(_pending);
                    _pendingOffset = 0;
                }
                var take = Math.Min(buffer.Length - written, _pending.Length - _pendingOffset);
                _pending.AsSpan(_pendingOffset, take).CopyTo(buffer[written..]);
                _pendingOffset += take;
                written += take;
            }
            return written;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => ValueTask.FromResult(Read(buffer.Span));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private void WriteRow(Span<byte> row)
        {
            var open = _price;
            _price *= Math.Exp((_random.NextDouble() - 0.5) * 0.004);
            BinaryPrimitives.WriteInt64LittleEndian(row, Start + _row++ * Interval.MinuteMs);
            BinaryPrimitives.WriteDoubleLittleEndian(row[8..], open);
            BinaryPrimitives.WriteDoubleLittleEndian(row[16..], Math.Max(open, _price) * (1 + _random.NextDouble() * 0.001));
            BinaryPrimitives.WriteDoubleLittleEndian(row[24..], Math.Min(open, _price) * (1 - _random.NextDouble() * 0.001));
            BinaryPrimitives.WriteDoubleLittleEndian(row[32..], _price);
            BinaryPrimitives.WriteDoubleLittleEndian(row[40..], _random.NextDouble() * 100);
            BinaryPrimitives.WriteDoubleLittleEndian(row[48..], double.NaN);
        }
    }

    /// <summary>The largest managed heap seen, sampled every millisecond on a thread of its own until stopped.</summary>
    private sealed class ManagedPeakSampler : IDisposable
    {
        private readonly Thread _thread;
        private volatile bool _stopped;
        private long _peak;

        public ManagedPeakSampler()
        {
            _thread = new Thread(() =>
            {
                while (!_stopped)
                {
                    _peak = Math.Max(_peak, GC.GetTotalMemory(forceFullCollection: false));
                    Thread.Sleep(1);
                }
            })
            { IsBackground = true };
            _thread.Start();
        }

        public long Stop()
        {
            _stopped = true;
            _thread.Join();
            return Math.Max(_peak, GC.GetTotalMemory(forceFullCollection: false));
        }

        public void Dispose() => Stop();
    }
}
