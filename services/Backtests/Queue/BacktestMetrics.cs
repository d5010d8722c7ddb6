using System.Diagnostics.Metrics;

namespace Platform.Backtests.Queue;

/// <summary>The run counters of the backtests service on the <c>Platform.Backtests</c> meter, exported on <c>/metrics</c>.</summary>
internal sealed class BacktestMetrics
{
    public const string MeterName = "Platform.Backtests";

    private readonly Counter<long> _queued;
    private readonly Counter<long> _finished;
    private readonly UpDownCounter<long> _running;
    private readonly Histogram<double> _queueWait;

    public BacktestMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _queued = meter.CreateCounter<long>("backtests.queued", "{backtest}", "Backtests stored as queued.");
        _finished = meter.CreateCounter<long>("backtests.finished", "{backtest}", "Runs ended by this replica's workers, by status (completed, failed).");
        _running = meter.CreateUpDownCounter<long>("backtests.running", "{backtest}", "Runs in progress on this replica.");
        _queueWait = meter.CreateHistogram<double>("backtests.queue.wait", "s", "Queue lag: time from a run's creation to a worker claiming it.");
    }

    public void Queued() => _queued.Add(1);

    public void Started(TimeSpan waited)
    {
        _running.Add(1);
        _queueWait.Record(Math.Max(0, waited.TotalSeconds));
    }

    public void Ended(string status)
    {
        _running.Add(-1);
        if (status is Backtests.BacktestStatus.Completed or Backtests.BacktestStatus.Failed)
        {
            _finished.Add(1, new KeyValuePair<string, object?>("status", status));
        }
    }
}
