using System.Diagnostics.Metrics;
using Npgsql;

namespace Platform.ServiceDefaults.Pools;

/// <summary>
/// Reads the pool of one <see cref="NpgsqlDataSource"/> from the instruments Npgsql publishes on its <c>Npgsql</c> meter
/// (OpenTelemetry database semantic conventions): <c>db.client.connection.count</c> by <c>db.client.connection.state</c>
/// (<c>idle</c>/<c>used</c>) and <c>db.client.connection.npgsql.pending_requests</c>, for the pool whose
/// <c>db.client.connection.pool.name</c> is the data source's name. Npgsql keeps the pool size private, so a listener is
/// the supported way to read it in process.
/// </summary>
internal sealed class PoolMonitor : IDisposable
{
    private const string MeterName = "Npgsql";
    private const string CountInstrument = "db.client.connection.count";
    private const string PendingInstrument = "db.client.connection.npgsql.pending_requests";
    private const string PoolNameTag = "db.client.connection.pool.name";
    private const string StateTag = "db.client.connection.state";

    private readonly MeterListener _listener = new();
    private readonly Lock _gate = new();
    private readonly IReadOnlySet<string> _poolNames;
    private readonly NpgsqlConnectionStringBuilder _settings;
    private readonly TimeProvider _clock;
    private Reading _reading;
    private DateTimeOffset? _saturatedSince;

    public PoolMonitor(IReadOnlySet<string> poolNames, NpgsqlConnectionStringBuilder settings, TimeProvider clock)
    {
        _poolNames = poolNames;
        _settings = settings;
        _clock = clock;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == MeterName && instrument.Name is CountInstrument or PendingInstrument)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Record(instrument.Name, value, tags));
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument.Name, (int)value, tags));
        _listener.Start();
    }

    /// <summary>Takes a reading now; calls are serialized because the listener reports into one accumulator.</summary>
    public PoolSnapshot Read()
    {
        lock (_gate)
        {
            _reading = default;
            _listener.RecordObservableInstruments();
            var now = _clock.GetUtcNow();
            var max = _settings.MaxPoolSize;
            _saturatedSince = _reading.Busy >= max ? _saturatedSince ?? now : null;
            return new PoolSnapshot(
                _reading.Busy,
                _reading.Idle,
                _reading.Busy + _reading.Idle,
                max,
                _settings.MinPoolSize,
                _reading.Pending,
                _saturatedSince is { } since ? (now - since).TotalSeconds : 0,
                now);
        }
    }

    public void Dispose() => _listener.Dispose();

    private void Record(string instrument, int value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        string? pool = null;
        string? state = null;
        foreach (var (key, tagValue) in tags)
        {
            if (key == PoolNameTag)
            {
                pool = tagValue as string;
            }
            else if (key == StateTag)
            {
                state = tagValue as string;
            }
        }
        if (pool is null || !_poolNames.Contains(pool))
        {
            return;
        }
        _reading = (instrument, state) switch
        {
            (PendingInstrument, _) => _reading with { Pending = _reading.Pending + value },
            (CountInstrument, "used") => _reading with { Busy = _reading.Busy + value },
            (CountInstrument, "idle") => _reading with { Idle = _reading.Idle + value },
            _ => _reading,
        };
    }

    private record struct Reading(int Busy, int Idle, int Pending);
}
