using Dapper;
using Npgsql;
using NpgsqlTypes;

namespace Platform.MarketData.Candles;

/// <summary>Settings of the blocks an ingest writes (<c>Candles:Blocks</c>, <see cref="CandleBlockWriter"/>).</summary>
internal sealed class CandleBlockOptions
{
    public const string Section = "Candles:Blocks";

    /// <summary>The most bars a block holds (4,096 by default, an ingest's batch, 224 KiB); 0 writes no blocks.</summary>
    public int BarsPerBlock { get; set; } = 4096;
}

/// <summary>
/// The blocks of an ingest that extends its series (migration 0009, docs/api-behaviour.md 4.14): each batch of candles the
/// store copies becomes one row of <c>candle_blocks</c>, the batch's binary-read rows, written on a connection of its own
/// so that PostgreSQL stores them while the candles' COPY runs. The store names the set in the series inside the ingest's
/// transaction; <see cref="CommitAsync"/> comes after that transaction's commit, so that a snapshot either sees every
/// block of a named set or none of them. Disposed without a commit, or abandoned, it writes nothing.
/// </summary>
internal sealed class CandleBlockWriter(NpgsqlDataSource dataSource, int barsPerBlock) : IAsyncDisposable
{
    private const string Target = "candle_blocks (block_set, series_id, first_time, last_time, bars)";

    private NpgsqlConnection? _connection;
    private NpgsqlTransaction? _transaction;
    private NpgsqlBinaryImporter? _copy;
    private int _seriesId;
    private byte[] _bars = [];

    /// <summary>The number of the set being written: null before <see cref="StartAsync"/> and once abandoned.</summary>
    public long? BlockSet { get; private set; }

    /// <summary>Opens the connection and starts the COPY of a new set of the series' blocks, unless blocks are off.</summary>
    public async Task StartAsync(int seriesId, CancellationToken cancellationToken)
    {
        if (barsPerBlock <= 0)
        {
            return;
        }
        _seriesId = seriesId;
        _connection = await dataSource.OpenConnectionAsync(cancellationToken);
        _transaction = await _connection.BeginTransactionAsync(cancellationToken);
        BlockSet = await _connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT nextval('candle_block_sets')", transaction: _transaction, cancellationToken: cancellationToken));
        _copy = await _connection.BeginBinaryImportAsync($"COPY {Target} FROM STDIN (FORMAT BINARY)", cancellationToken);
    }

    /// <summary>
    /// Writes the batch as blocks of up to the configured bars; nothing before <see cref="StartAsync"/> or once abandoned.
    /// </summary>
    public async Task WriteAsync(ReadOnlyMemory<Candle> batch, CancellationToken cancellationToken)
    {
        for (var start = 0; _copy is not null && start < batch.Length; start += barsPerBlock)
        {
            await WriteBlockAsync(batch.Slice(start, Math.Min(barsPerBlock, batch.Length - start)), cancellationToken);
        }
    }

    private async Task WriteBlockAsync(ReadOnlyMemory<Candle> block, CancellationToken cancellationToken)
    {
        var length = block.Length * CandleFormats.BinaryRowSize;
        if (_bars.Length < length)
        {
            _bars = GC.AllocateUninitializedArray<byte>(length);
        }
        var candles = block.Span;
        for (var i = 0; i < candles.Length; i++)
        {
            CandleFormats.WriteBinaryRow(_bars.AsSpan(i * CandleFormats.BinaryRowSize), candles[i]);
        }
        var (first, last) = (candles[0].OpenTime, candles[^1].OpenTime);
        await _copy!.StartRowAsync(cancellationToken);
        await _copy.WriteAsync(BlockSet!.Value, NpgsqlDbType.Bigint, cancellationToken);
        await _copy.WriteAsync(_seriesId, NpgsqlDbType.Integer, cancellationToken);
        await _copy.WriteAsync(first, NpgsqlDbType.Bigint, cancellationToken);
        await _copy.WriteAsync(last, NpgsqlDbType.Bigint, cancellationToken);
        await _copy.WriteAsync(new ReadOnlyMemory<byte>(_bars, 0, length), NpgsqlDbType.Bytea, cancellationToken);
    }

    /// <summary>Ends the COPY, leaving the set uncommitted; returns its number, or null when there is none.</summary>
    public async Task<long?> EndAsync(CancellationToken cancellationToken)
    {
        if (_copy is not null)
        {
            await _copy.CompleteAsync(cancellationToken);
            await _copy.DisposeAsync();
            _copy = null;
        }
        return BlockSet;
    }

    /// <summary>Rolls the set back: the ingest no longer extends its series.</summary>
    public async ValueTask AbandonAsync()
    {
        BlockSet = null;
        await DisposeAsync();
    }

    /// <summary>Commits the set, after the transaction that named it in its series has committed.</summary>
    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        if (BlockSet is not null && _copy is null && _transaction is not null)
        {
            await _transaction.CommitAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_copy is not null)
        {
            // An importer disposed before its completion cancels the COPY.
            await _copy.DisposeAsync();
            _copy = null;
        }
        if (_transaction is not null)
        {
            await _transaction.DisposeAsync();
            _transaction = null;
        }
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
            _connection = null;
        }
    }
}
