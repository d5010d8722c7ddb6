using System.Security.Cryptography;
using Dapper;
using Npgsql;
using NpgsqlTypes;

namespace Platform.MarketData.Uploads;

/// <summary>Uploads in marketdatadb: a metadata row and the content as 1 MiB chunks, written by binary COPY.</summary>
internal sealed class UploadStore(NpgsqlDataSource dataSource)
{
    public const int ChunkSize = 1024 * 1024;

    private const string Columns = "id, filename, size, symbol, interval, format, compressed, sha256, created_at";

    public NpgsqlDataSource DataSource => dataSource;

    /// <summary>
    /// Streams <paramref name="content"/> into chunks of a new upload row inside the caller's transaction. Returns null as
    /// soon as the content exceeds <paramref name="maxBytes"/> (the caller rolls back).
    /// </summary>
    public static async Task<StoredContent?> WriteContentAsync(
        NpgsqlConnection connection, Guid id, string filename, Stream content, long maxBytes, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO uploads (id, filename, size, symbol, interval, format, compressed, sha256)
            VALUES (@Id, @Filename, 0, '', '', '', false, @Placeholder)
            """,
            new { Id = id, Filename = filename, Placeholder = id.ToByteArray() },
            cancellationToken: cancellationToken));

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[ChunkSize];
        byte[]? head = null;
        long size = 0;
        var seq = 0;
        await using var importer = await connection.BeginBinaryImportAsync(
            "COPY upload_chunks (upload_id, seq, data) FROM STDIN (FORMAT BINARY)", cancellationToken);
        while (true)
        {
            var filled = await content.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
            if (filled == 0)
            {
                break;
            }
            size += filled;
            if (size > maxBytes)
            {
                return null;
            }
            var chunk = buffer.AsMemory(0, filled);
            hash.AppendData(chunk.Span);
            head ??= chunk.ToArray();
            await importer.StartRowAsync(cancellationToken);
            await importer.WriteAsync(id, NpgsqlDbType.Uuid, cancellationToken);
            await importer.WriteAsync(seq++, NpgsqlDbType.Integer, cancellationToken);
            await importer.WriteAsync(chunk, NpgsqlDbType.Bytea, cancellationToken);
        }
        await importer.CompleteAsync(cancellationToken);
        return new StoredContent(size, hash.GetHashAndReset(), head ?? []);
    }

    public static async Task<Upload?> FindByHashAsync(NpgsqlConnection connection, byte[] sha256, CancellationToken cancellationToken) =>
        await connection.QuerySingleOrDefaultAsync<Upload>(new CommandDefinition(
            $"SELECT {Columns} FROM uploads WHERE sha256 = @Sha256", new { Sha256 = sha256 }, cancellationToken: cancellationToken));

    public static async Task<Upload> CompleteAsync(NpgsqlConnection connection, Upload upload, CancellationToken cancellationToken) =>
        await connection.QuerySingleAsync<Upload>(new CommandDefinition(
            $"""
            UPDATE uploads
            SET size = @Size, symbol = @Symbol, interval = @Interval, format = @Format, compressed = @Compressed, sha256 = @Sha256
            WHERE id = @Id
            RETURNING {Columns}
            """,
            upload,
            cancellationToken: cancellationToken));

    public async Task<Upload?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<Upload>(new CommandDefinition(
            $"SELECT {Columns} FROM uploads WHERE id = @Id", new { Id = id }, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<Upload>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<Upload>(new CommandDefinition(
            $"SELECT {Columns} FROM uploads ORDER BY created_at DESC, id DESC", cancellationToken: cancellationToken));
        return rows.AsList();
    }

    public async Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM uploads WHERE id = @Id", new { Id = id }, cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>The content as one forward-only stream over its chunks, read from its own connection.</summary>
    public async Task<Stream> OpenContentAsync(Guid id, CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var command = new NpgsqlCommand("SELECT data FROM upload_chunks WHERE upload_id = $1 ORDER BY seq", connection)
        {
            Parameters = { new() { Value = id } },
        };
        var reader = await command.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess, cancellationToken);
        return new ChunkStream(connection, command, reader);
    }
}

/// <summary>Size, SHA-256 and first chunk of stored content.</summary>
internal sealed record StoredContent(long Size, byte[] Sha256, byte[] Head);
