using Npgsql;
using Platform.ServiceDefaults.Data;

namespace Platform.MarketData.Candles;

/// <summary>
/// Candles into a binary COPY (<see cref="BinaryCopyWriter"/>): the series and source columns, the same in every row of a
/// batch, are encoded once. Disposed before <see cref="CompleteAsync"/>, the COPY is cancelled and writes nothing.
/// </summary>
internal sealed class CandleCopyWriter : IAsyncDisposable
{
    private readonly BinaryCopyWriter _copy;
    private readonly byte[]? _symbol;
    private readonly byte[]? _interval;
    private readonly byte[]? _source;
    private readonly short _fields;

    private CandleCopyWriter(BinaryCopyWriter copy, string? symbol, string? interval, string? source)
    {
        _copy = copy;
        (_symbol, _interval) = symbol is null ? (null, null) : (BinaryCopyWriter.EncodeText(symbol), BinaryCopyWriter.EncodeText(interval!));
        _source = source is null ? null : BinaryCopyWriter.EncodeText(source);
        _fields = (short)(7 + (symbol is null ? 0 : 2) + (source is null ? 0 : 1));
    }

    /// <summary>
    /// Starts <c>COPY <paramref name="target"/> FROM STDIN (FORMAT BINARY)</c>. With a symbol, the target's columns are the
    /// symbol, the interval, the seven candle values and the source; without one, the seven candle values alone.
    /// </summary>
    public static async Task<CandleCopyWriter> StartAsync(
        NpgsqlConnection connection, string target, string? symbol, string? interval, string? source, CancellationToken cancellationToken) =>
        new(await BinaryCopyWriter.StartAsync(connection, target, cancellationToken), symbol, interval, source);

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
        if (_symbol is not null)
        {
            _copy.WriteEncoded(_symbol);
            _copy.WriteEncoded(_interval);
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
