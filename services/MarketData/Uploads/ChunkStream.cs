using Npgsql;

namespace Platform.MarketData.Uploads;

/// <summary>Reads the <c>data</c> column of consecutive rows as one stream, holding at most one chunk in flight.</summary>
internal sealed class ChunkStream(NpgsqlConnection connection, NpgsqlCommand command, NpgsqlDataReader reader) : ReadOnlyStream
{
    private Stream? _chunk;
    private bool _finished;
    private long _bytesRead;

    /// <summary>Stored bytes handed out so far; safe to read from another thread.</summary>
    public long BytesRead => Interlocked.Read(ref _bytesRead);

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (!_finished)
        {
            if (_chunk is not null)
            {
                var read = await _chunk.ReadAsync(buffer, cancellationToken);
                if (read > 0)
                {
                    Interlocked.Add(ref _bytesRead, read);
                    return read;
                }
                await _chunk.DisposeAsync();
                _chunk = null;
            }
            if (await reader.ReadAsync(cancellationToken))
            {
                _chunk = await reader.GetStreamAsync(0, cancellationToken);
            }
            else
            {
                _finished = true;
            }
        }
        return 0;
    }

    public override async ValueTask DisposeAsync()
    {
        if (_chunk is not null)
        {
            await _chunk.DisposeAsync();
        }
        await reader.DisposeAsync();
        await command.DisposeAsync();
        await connection.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _chunk?.Dispose();
            reader.Dispose();
            command.Dispose();
            connection.Dispose();
        }
        base.Dispose(disposing);
    }
}
