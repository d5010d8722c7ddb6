using Npgsql;
using Platform.ServiceDefaults.Data;

namespace Platform.MarketData.Candles;

/// <summary>
/// Candles into a binary COPY (<see cref="BinaryCopyWriter"/>): the source column, the same in every row of a batch, is
/// encoded once. Disposed before <see cref="CompleteAsync"/>, the COPY is cancelled and writes nothing.
/// </summary>
internal sealed class CandleCopyWriter : IAsyncDisposable
{
    private readonly BinaryCopyWriter _copy;
    private readonly int? _seriesId;
    private readonly byte[]? _source;
    private readonly short _fields;

    private CandleCopyWriter(BinaryCopyWriter copy, int? seriesId, string? source)
    {
        _copy = copy;
        _seriesId = seriesId;
        _source = source is null ? null : BinaryCopyWriter.EncodeText(source);
        _fields = (short)(7 + (seriesId is null ? 0 : 1) + (source is null ? 0 : 1));
    }

    /// <summary>
    /// Starts <c>COPY <paramref name="target"/> FROM STDIN (FORMAT BINARY)</c>. With a series, the target's columns are the
    /// series' id, the seven candle values and the source; without one, the seven candle values alone.
    /// </summary>
    public static async Task<CandleCopyWriter> StartAsync(
        NpgsqlConnection connection, string target, int? seriesId, string? source, CancellationToken cancellationToken) =>
        new(await BinaryCopyWriter.StartAsync(connection, target, cancellationToken), seriesId, source);

    public async ValueTask WriteAsync(ReadOnlyMemory<Candle> candles, CancellationToken cancellationToken)
    {
        for (var i = 0; i < candles.Length; i++)
        {
            await _copy.StartRowAsync(_fields, cancellationToken);
            Write(candles.Span[i]);
        }
    }

    private void Write(in Candle candle)
    {
        if (_seriesId is { } seriesId)
        {
            _copy.Write(seriesId);
        }
        _copy.Write(candle.OpenTime);
        _copy.Write(candle.Open);
        _copy.Write(candle.High);
        _copy.Write(candle.Low);
        _copy.Write(candle.Close);
        _copy.Write(candle.Volume);
        _copy.Write(candle.Turnover);
        if (_source is not null)
        {
            _copy.WriteEncoded(_source);
        }
    }

    /// <summary>Ends the COPY; PostgreSQL checks the rows then.</summary>
    public Task CompleteAsync(CancellationToken cancellationToken) => _copy.CompleteAsync(cancellationToken);

    public ValueTask DisposeAsync() => _copy.DisposeAsync();
}
