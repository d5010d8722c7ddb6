using System.Globalization;
using System.Security.Cryptography;
using Npgsql;
using NpgsqlTypes;

namespace Platform.MarketData.Uploads;

/// <summary>
/// Passes an upload's bytes through as they are read, hashing them, holding them to <see cref="UploadOptions.MaxBytes"/>
/// (beyond it a read throws <see cref="UploadTooLargeException"/>) and copying them into <c>upload_chunks</c> rows of
/// <see cref="UploadStore.ChunkSize"/>, so that whoever reads it (a gzip check, or nothing) stores the upload on the way.
/// </summary>
internal sealed class StoringStream(Stream source, NpgsqlBinaryImporter importer, Guid id, long maxBytes) : ReadOnlyStream
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly byte[] _chunk = new byte[UploadStore.ChunkSize];
    private int _filled;
    private int _seq;
    private byte[]? _head;

    /// <summary>Bytes read from the upload so far.</summary>
    public long Size { get; private set; }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await source.ReadAsync(buffer, cancellationToken);
        Size += read;
        if (Size > maxBytes)
        {
            throw new UploadTooLargeException(string.Create(CultureInfo.InvariantCulture, $"The file is larger than the {maxBytes} bytes an upload may hold."));
        }
        _hash.AppendData(buffer.Span[..read]);
        for (var taken = 0; taken < read;)
        {
            var take = Math.Min(read - taken, _chunk.Length - _filled);
            buffer.Span.Slice(taken, take).CopyTo(_chunk.AsSpan(_filled));
            _filled += take;
            taken += take;
            if (_filled == _chunk.Length)
            {
                await WriteChunkAsync(cancellationToken);
            }
        }
        return read;
    }

    /// <summary>Writes the last partial chunk and ends the copy; the upload must have been read to its end.</summary>
    public async Task<StoredContent> CompleteAsync(long inflatedSize, CancellationToken cancellationToken)
    {
        if (_filled > 0)
        {
            await WriteChunkAsync(cancellationToken);
        }
        await importer.CompleteAsync(cancellationToken);
        return new StoredContent(Size, _hash.GetHashAndReset(), _head ?? [], inflatedSize);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _hash.Dispose();
        }
        base.Dispose(disposing);
    }

    private async Task WriteChunkAsync(CancellationToken cancellationToken)
    {
        var chunk = _chunk.AsMemory(0, _filled);
        _head ??= chunk.ToArray();
        await importer.StartRowAsync(cancellationToken);
        await importer.WriteAsync(id, NpgsqlDbType.Uuid, cancellationToken);
        await importer.WriteAsync(_seq++, NpgsqlDbType.Integer, cancellationToken);
        await importer.WriteAsync(chunk, NpgsqlDbType.Bytea, cancellationToken);
        _filled = 0;
    }
}
