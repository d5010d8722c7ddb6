using Dapper;
using Platform.Engine.Data;
using Platform.MarketData.Candles;
using Platform.MarketData.Uploads;
using Platform.MarketData.WorkingSets;

namespace Platform.MarketData.Ingest;

/// <summary>
/// Parses an upload straight from its stored chunks into binary COPY, in one transaction: a strict ingest with a bad row,
/// a corrupt file or any failure on the way writes nothing.
/// </summary>
internal sealed class IngestService(UploadStore uploads, WorkingSetLoader workingSets, CandleMetrics metrics)
{
    public async Task<IngestOutcome> IngestAsync(Upload upload, string symbol, Interval interval, CandleFileFormat format, bool strict, CancellationToken cancellationToken)
    {
        await using var content = await uploads.OpenContentAsync(upload.Id, cancellationToken);
        using var file = await CandleFileReader.OpenAsync(content, format, interval, cancellationToken);
        await using var connection = await uploads.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var tally = new IngestTally();
        var (counts, openTimes) = await CandleStore.UpsertAsync(
            connection, symbol, interval, $"upload:{upload.Id:N}", tally.ValidAsync(file.ReadRowsAsync(cancellationToken)), cancellationToken);
        if (tally.Valid + tally.Rejected == 0)
        {
            throw new CandleFileException("the file holds no data rows");
        }
        if (strict && tally.Rejected > 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            return new IngestOutcome(null, tally);
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
            tally);
    }
}

/// <summary>The report of a committed ingest, or (strict, with bad rows) only the tally of what was refused.</summary>
internal sealed record IngestOutcome(IngestReport? Report, IngestTally Tally);
