using Dapper;
using Microsoft.Extensions.Options;
using Npgsql;
using Platform.MarketData.Candles;
using Platform.MarketData.Uploads;
using Platform.MarketData.WorkingSets;

namespace Platform.MarketData.Ingest;

/// <summary>
/// Parses an upload straight from its stored chunks into binary COPY, in one transaction: a strict ingest with a bad row,
/// a corrupt file or any failure on the way writes nothing.
/// </summary>
internal sealed partial class IngestService(
    UploadStore uploads,
    WorkingSetLoader workingSets,
    CandleMetrics metrics,
    IOptions<UploadOptions> limits,
    IOptions<CandleBlockOptions> blockOptions,
    ILogger<IngestService> logger)
{
    /// <summary>
    /// Ingests <paramref name="upload"/> as <paramref name="settings"/> say, reporting the stored bytes read to
    /// <paramref name="progress"/>. A file that cannot be read, a strict refusal and gzip text past the upload limits end
    /// as the <see cref="IngestFailure"/> of the outcome, with nothing written.
    /// </summary>
    public async Task<IngestOutcome> IngestAsync(Upload upload, IngestSettings settings, IngestProgress? progress, CancellationToken cancellationToken)
    {
        try
        {
            return await WriteAsync(upload, settings, progress, cancellationToken);
        }
        catch (CandleFileException exception)
        {
            return new IngestOutcome(null, new IngestFailure(StatusCodes.Status422UnprocessableEntity, "The file cannot be ingested", exception.Message));
        }
        catch (UploadTooLargeException exception)
        {
            return new IngestOutcome(null, new IngestFailure(StatusCodes.Status413PayloadTooLarge, "Upload too large", exception.Message));
        }
    }

    private async Task<IngestOutcome> WriteAsync(Upload upload, IngestSettings settings, IngestProgress? progress, CancellationToken cancellationToken)
    {
        var (symbol, interval, format, strict) = settings;
        await using var content = await uploads.OpenContentAsync(upload.Id, cancellationToken);
        progress?.Follow(content);
        using var file = await CandleFileReader.OpenAsync(content, format, interval, limits.Value, cancellationToken);
        await using var connection = await uploads.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var blocks = new CandleBlockWriter(uploads.DataSource, blockOptions.Value.BarsPerBlock);
        var tally = new IngestTally();
        var (counts, openTimes) = await CandleStore.UpsertAsync(
            connection, symbol, interval, $"upload:{upload.Id:N}", tally.ValidAsync(file.ReadBatchesAsync(cancellationToken)), blocks, cancellationToken);
        if (tally.Valid + tally.Rejected == 0)
        {
            throw new CandleFileException("the file holds no data rows");
        }
        if (strict && tally.Rejected > 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            return new IngestOutcome(null, new IngestFailure(
                StatusCodes.Status422UnprocessableEntity,
                "Invalid rows",
                $"strict ingest refused the file: {tally.Rejected} of {tally.Rejected + tally.Valid} rows are invalid; nothing was written.",
                tally.Rejected,
                tally.RejectedRows));
        }
        // Gaps of the file itself: bars missing between its earliest and latest valid rows.
        IReadOnlyList<QualityGap> gaps = openTimes.Length == 0
            ? []
            : CandleBackfill.MissingStretches(interval, openTimes, openTimes[0], openTimes[^1])
                .Select(gap => new QualityGap(gap.First, gap.Last, interval.PeriodIndex(gap.Last) - interval.PeriodIndex(gap.First) + 1))
                .ToList();
        var duplicates = counts.RepeatedInBatch + counts.Unchanged;
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO ingest_runs (upload_id, symbol, interval, earliest_ms, latest_ms, inserted, updated, duplicates, rejected)
            VALUES (@UploadId, @Symbol, @Interval, @Earliest, @Latest, @Inserted, @Updated, @Duplicates, @Rejected)
            """,
            new
            {
                UploadId = upload.Id,
                Symbol = symbol,
                Interval = interval.Code,
                Earliest = openTimes.Length == 0 ? (long?)null : openTimes[0],
                Latest = openTimes.Length == 0 ? (long?)null : openTimes[^1],
                counts.Inserted,
                counts.Updated,
                Duplicates = duplicates,
                tally.Rejected,
            },
            cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        await CommitBlocksAsync(blocks, upload, cancellationToken);
        metrics.RecordStored("upload", counts);
        metrics.RecordRejected(tally.Rejected);

        var workingSet = await workingSets.LoadFromStoreAsync(symbol, interval, cancellationToken);
        return new IngestOutcome(
            new IngestReport(
                upload.Id.ToString("N"),
                symbol,
                interval.Code,
                format.ToString().ToLowerInvariant(),
                file.Layout,
                strict,
                counts.Inserted + counts.Updated,
                counts.Inserted,
                counts.Updated,
                duplicates,
                tally.Rejected,
                tally.Rejected,
                tally.RejectedRows,
                openTimes.Length == 0 ? null : openTimes[0],
                openTimes.Length == 0 ? null : openTimes[^1],
                gaps,
                workingSet),
            null);
    }

    /// <summary>
    /// The candles are committed by now: blocks that fail to commit only leave their series read from its rows, which is
    /// no reason to fail, and retry, an ingest that is stored.
    /// </summary>
    private async Task CommitBlocksAsync(CandleBlockWriter blocks, Upload upload, CancellationToken cancellationToken)
    {
        try
        {
            await blocks.CommitAsync(cancellationToken);
        }
        catch (NpgsqlException exception)
        {
            LogBlocksNotCommitted(exception, upload.Id);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The blocks of upload {UploadId} were not committed; its series is read from its rows")]
    private partial void LogBlocksNotCommitted(Exception exception, Guid uploadId);
}

/// <summary>The report of a committed ingest, or the failure of one that wrote nothing.</summary>
internal sealed record IngestOutcome(IngestReport? Report, IngestFailure? Failure);
