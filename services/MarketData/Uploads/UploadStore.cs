using System.Buffers;
using System.IO.Pipelines;
using Dapper;
using Npgsql;
using Platform.ServiceDefaults.Identity;

namespace Platform.MarketData.Uploads;

/// <summary>Uploads in marketdatadb: a metadata row and the content as 1 MiB chunks, written by binary COPY.</summary>
internal sealed class UploadStore(NpgsqlDataSource dataSource)
{
    public const int ChunkSize = 1024 * 1024;

    private const string Columns = "id, filename, size, symbol, interval, format, compressed, sha256, created_at, inflated_size, owner";

    public NpgsqlDataSource DataSource => dataSource;

    /// <summary>
    /// Streams <paramref name="content"/> into chunks of a new upload row inside the caller's transaction. Gzip content is
    /// inflated on the way, without keeping the output, to hold it to the limits of <paramref name="limits"/>. Throws
    /// <see cref="UploadTooLargeException"/> as soon as the content or its inflated text passes a limit (the caller
    /// rolls back).
    /// </summary>
    public static async Task<StoredContent> WriteContentAsync(
        NpgsqlConnection connection, Guid id, string filename, Stream content, UploadOptions limits, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO uploads (id, filename, size, symbol, interval, format, compressed, sha256)
            VALUES (@Id, @Filename, 0, '', '', '', false, @Placeholder)
            """,
            new { Id = id, Filename = filename, Placeholder = id.ToByteArray() },
            cancellationToken: cancellationToken));

        await using var importer = await connection.BeginBinaryImportAsync(
            "COPY upload_chunks (upload_id, seq, data) FROM STDIN (FORMAT BINARY)", cancellationToken);
        await using var stored = new StoringStream(content, importer, id, limits.MaxBytes);
        // A pipe lets the first bytes be looked at and then read again by the inflater.
        var reader = PipeReader.Create(stored, new StreamPipeReaderOptions(leaveOpen: true));
        long? inflated = null;
        try
        {
            var start = await reader.ReadAtLeastAsync(2, cancellationToken);
            var isGzip = start.Buffer.Slice(0, Math.Min(2, start.Buffer.Length)).ToArray() is [0x1F, 0x8B];
            reader.AdvanceTo(start.Buffer.Start);
            if (isGzip)
            {
                inflated = await InflatedSizeAsync(reader.AsStream(leaveOpen: true), limits, cancellationToken);
            }
            // Whatever the inflater left (all of a plain file) is read on to its end, which stores it.
            ReadResult rest;
            do
            {
                rest = await reader.ReadAsync(cancellationToken);
                reader.AdvanceTo(rest.Buffer.End);
            }
            while (!rest.IsCompleted);
        }
        finally
        {
            await reader.CompleteAsync();
        }
        return await stored.CompleteAsync(inflated ?? stored.Size, cancellationToken);
    }

    /// <summary>
    /// The size of the gzip text in <paramref name="compressed"/>, inflated and dropped. Gzip data that turns out corrupt
    /// further on is stored as it is, measured up to the damage, which the ingest then reports (docs/api-behaviour.md, 4.10).
    /// </summary>
    private static async Task<long> InflatedSizeAsync(Stream compressed, UploadOptions limits, CancellationToken cancellationToken)
    {
        await using var inflating = new BoundedGzipStream(compressed, limits);
        var buffer = new byte[64 * 1024];
        try
        {
            while (await inflating.ReadAsync(buffer, cancellationToken) > 0)
            {
            }
        }
        catch (InvalidDataException)
        {
            // Nothing more can be read: the ingest meets the same damage at the same place and refuses the file.
        }
        return inflating.Inflated;
    }

    public static async Task<Upload?> FindByHashAsync(NpgsqlConnection connection, byte[] sha256, CancellationToken cancellationToken) =>
        await connection.QuerySingleOrDefaultAsync<Upload>(new CommandDefinition(
            $"SELECT {Columns} FROM uploads WHERE sha256 = @Sha256", new { Sha256 = sha256 }, cancellationToken: cancellationToken));

    public static async Task<Upload> CompleteAsync(NpgsqlConnection connection, Upload upload, CancellationToken cancellationToken) =>
        await connection.QuerySingleAsync<Upload>(new CommandDefinition(
            $"""
            UPDATE uploads
            SET size = @Size, symbol = @Symbol, interval = @Interval, format = @Format, compressed = @Compressed, sha256 = @Sha256,
                inflated_size = @InflatedSize, owner = @Owner
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

    /// <summary>Every upload, newest first; only <paramref name="owner"/>'s when given.</summary>
    /// <summary>A page of uploads, newest first, and how many match the filter in all.</summary>
    public async Task<(IReadOnlyList<Upload> Items, long Total)> ListAsync(UploadFilter filter, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = (await connection.QueryAsync<Upload, long, (Upload Row, long Total)>(
            new CommandDefinition(
                $"""
                SELECT {Columns}, count(*) OVER () AS total FROM uploads
                WHERE @Owner::text IS NULL OR owner = @Owner
                ORDER BY created_at DESC, id DESC
                LIMIT @Limit OFFSET @Offset
                """,
                filter,
                cancellationToken: cancellationToken),
            (row, total) => (row, total),
            splitOn: "total")).AsList();
        if (rows.Count > 0 || filter.Offset == 0)
        {
            return (rows.ConvertAll(item => item.Row), rows.Count == 0 ? 0 : rows[0].Total);
        }
        // A page past the end has no row to carry the window's count.
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT count(*) FROM uploads WHERE @Owner::text IS NULL OR owner = @Owner", filter, cancellationToken: cancellationToken));
        return ([], total);
    }

    /// <summary>
    /// Deletes an upload that <paramref name="changer"/> may change, in one statement; only when it deleted nothing does a
    /// read in the same transaction tell a missing upload from one of another owner.
    /// </summary>
    public async Task<UploadDeletion> DeleteAsync(Guid id, Changer changer, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var deleted = await connection.ExecuteAsync(new CommandDefinition(
            $"DELETE FROM uploads WHERE id = @Id AND {Ownership.MayChangeSql}",
            new { Id = id, changer.Caller, changer.Admin },
            transaction,
            cancellationToken: cancellationToken));
        if (deleted == 1)
        {
            await transaction.CommitAsync(cancellationToken);
            return new UploadDeletion.Deleted();
        }
        var found = await connection.QuerySingleOrDefaultAsync<OwnerRow?>(new CommandDefinition(
            "SELECT owner FROM uploads WHERE id = @Id", new { Id = id }, transaction, cancellationToken: cancellationToken));
        return found is null ? new UploadDeletion.NotFound() : new UploadDeletion.Forbidden(found.Owner);
    }

    /// <summary>The content as one forward-only stream over its chunks, read from its own connection.</summary>
    public async Task<ChunkStream> OpenContentAsync(Guid id, CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var command = new NpgsqlCommand("SELECT data FROM upload_chunks WHERE upload_id = $1 ORDER BY seq", connection)
        {
            Parameters = { new() { Value = id } },
        };
        var reader = await command.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess, cancellationToken);
        return new ChunkStream(connection, command, reader);
    }

    private sealed record OwnerRow(string? Owner);
}

/// <summary>Size, SHA-256, first chunk and size after gunzip (the size itself when not compressed) of stored content.</summary>
internal sealed record StoredContent(long Size, byte[] Sha256, byte[] Head, long InflatedSize);
