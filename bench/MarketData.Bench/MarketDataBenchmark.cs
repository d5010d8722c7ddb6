using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Npgsql;
using Platform.ServiceDefaults.Identity;
using Platform.Testing;

namespace Platform.MarketData.Bench;

/// <summary>
/// Upload + ingest of a 1,000,000-row one-minute CSV, the same rows through <c>psql \copy</c> into an unindexed table,
/// and reading them back through the internal endpoint in each format. One line per case.
/// </summary>
internal static class MarketDataBenchmark
{
    private const int Rows = 1_000_000;
    private const long Start = 1_577_836_800_000;
    private const string Binary = "application/x-platform-candles";

    public static async Task Main(string[] args)
    {
        var csv = Path.Combine(Path.GetTempPath(), $"marketdata-bench-{Rows}.csv");
        if (!File.Exists(csv))
        {
            CsvGenerator.Write(csv, Rows, Start);
        }
        var megabytes = new FileInfo(csv).Length / 1024.0 / 1024.0;

        // "--case csv_parse_1m" reads and checks the file alone, without a service or a database.
        var only = args.SkipWhile(arg => arg != "--case").Skip(1).FirstOrDefault()?.Split(',').ToHashSet() ?? [];
        if (only.Count == 0 || only.Contains("csv_parse_1m"))
        {
            var best = double.MaxValue;
            for (var run = 0; run < 5; run++)
            {
                best = Math.Min(best, await CsvParse.SecondsAsync(csv, Rows));
            }
            Print("csv_parse_1m", Rows, best, $"megabytes={megabytes:F1}");
        }
        if (only.Count > 0 && !only.Contains("upload_ingest_1m"))
        {
            return;
        }

        await using var service = new BenchmarkService();
        await service.InitializeAsync();
        using var client = service.CreateClient();
        client.Timeout = TimeSpan.FromMinutes(5);
        using var reads = service.CreateClient(Caller.Service("backtests"));
        reads.Timeout = client.Timeout;
        using var uploads = service.CreateUnsignedClient();
        uploads.Timeout = client.Timeout;

        // A small file first, so that the measured run is of a warm service, as in production.
        var warmUp = Path.Combine(Path.GetTempPath(), "marketdata-bench-warmup.csv");
        CsvGenerator.Write(warmUp, 50_000, Start - 50_000 * 60_000L);
        await IngestAsync(client, await UploadAsync(uploads, warmUp, "WARMUSDT"), 50_000);

        var total = Stopwatch.StartNew();
        var uploadId = await UploadAsync(uploads, csv, "BENCHUSDT");
        var uploaded = total.Elapsed.TotalSeconds;
        await IngestAsync(client, uploadId, Rows);
        var ingestSeconds = total.Elapsed.TotalSeconds;
        Print("upload_ingest_1m", Rows, ingestSeconds, $"upload_seconds={uploaded:F3} ingest_seconds={ingestSeconds - uploaded:F3} megabytes={megabytes:F1}");

        var psqlSeconds = await PsqlCopyAsync(service.DatabaseConnectionString!, csv, "psql_copy", primaryKey: false);
        Print("psql_copy_unindexed_1m", Rows, psqlSeconds, $"ratio_upload_ingest_to_psql={ingestSeconds / psqlSeconds:F2}");
        var indexedSeconds = await PsqlCopyAsync(service.DatabaseConnectionString!, csv, "psql_copy_indexed", primaryKey: true);
        Print("psql_copy_candles_shape_1m", Rows, indexedSeconds, $"ratio_upload_ingest_to_psql={ingestSeconds / indexedSeconds:F2}");

        // The whole range in each format. The first binary read comes from the blocks the ingest wrote (the first to touch
        // them), and the range cache answers the others.
        var end = Start + Rows * 60_000L;
        foreach (var (name, accept) in new[] { ("read_1m_binary", Binary), ("read_1m_csv", "text/csv"), ("read_1m_json", "application/json") })
        {
            await ReadRunsAsync(name, accept, _ => end, "");
        }

        // Binary reads the range cache does not hold, each of a range a bar shorter than the one before: from the blocks,
        // then, with the series' blocks dropped (as for a series filled from Bybit), from its rows, the first time after the
        // ingest with their hint bits to set.
        await ReadRunsAsync("read_1m_binary_blocks", Binary, run => end - (run + 1) * 60_000L, " source=blocks");
        await using (var connection = new NpgsqlConnection(service.DatabaseConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("UPDATE candle_series SET block_set = NULL WHERE symbol = 'BENCHUSDT'", connection);
            await command.ExecuteNonQueryAsync();
        }
        await ReadRunsAsync("read_1m_binary_rows", Binary, run => end - (run + 4) * 60_000L, " source=rows");

        async Task ReadRunsAsync(string name, string accept, Func<int, long> endOfRun, string extra)
        {
            var times = new double[3];
            long bytes = 0;
            for (var run = 0; run < times.Length; run++)
            {
                (times[run], bytes) = await ReadAsync(reads, accept, Start, endOfRun(run));
            }
            Print(name, Rows, times.Min(), $"first_seconds={times[0]:F3} megabytes={bytes / 1024.0 / 1024.0:F1}{extra}");
        }
    }

    /// <summary>Reads a range as a service does, to the last byte; returns the seconds it took and the bytes.</summary>
    private static async Task<(double Seconds, long Bytes)> ReadAsync(HttpClient reads, string accept, long start, long end)
    {
        var watch = Stopwatch.StartNew();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/internal/candles?symbol=BENCHUSDT&interval=1&start={start}&end={end}&backfill=false");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        using var response = await reads.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[1 << 16];
        long bytes = 0;
        int read;
        while ((read = await body.ReadAsync(buffer)) > 0)
        {
            bytes += read;
        }
        return (watch.Elapsed.TotalSeconds, bytes);
    }

    /// <summary>
    /// Uploads as the gateway forwards an upload: streamed, signed with <see cref="SignedIdentity.UnsignedPayload"/> as the
    /// body's hash, which only the upload endpoint accepts. A client that hashed the body would have the service read the
    /// whole body before the endpoint raises its size limit above the server's default.
    /// </summary>
    private static async Task<string> UploadAsync(HttpClient client, string path, string symbol)
    {
        var identity = SignedIdentity.HeadersFor(
            Caller.Secret, "POST", "/api/v1/marketdata/upload", SignedIdentity.UnsignedPayload, Caller.Admin.User,
            string.Join(',', Caller.Admin.Roles), DateTimeOffset.UtcNow);
        using var response = await CsvUpload.PostAsync(client, path, symbol, identity);
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("upload_id").GetString()!;
    }

    private static async Task IngestAsync(HttpClient client, string uploadId, long rows)
    {
        using var response = await client.PostAsync($"/api/v1/marketdata/uploads/{uploadId}/ingest", new FormUrlEncodedContent([]));
        var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        response.EnsureSuccessStatusCode();
        // Uploads above Ingest:SynchronousBytes are ingested by a job (docs/api-behaviour.md, 4.15).
        var report = response.StatusCode == HttpStatusCode.Accepted ? await WaitForReportAsync(client, response.Headers.Location!) : answer;
        if (report.GetProperty("inserted").GetInt64() != rows)
        {
            throw new InvalidOperationException($"expected {rows} inserted rows: {report}");
        }
    }

    private static async Task<JsonElement> WaitForReportAsync(HttpClient client, Uri job)
    {
        while (true)
        {
            var state = JsonDocument.Parse(await client.GetStringAsync(job)).RootElement;
            switch (state.GetProperty("status").GetString())
            {
                case "completed":
                    return state.GetProperty("report");
                case "failed":
                    throw new InvalidOperationException($"the ingest job failed: {state}");
                default:
                    await Task.Delay(50);
                    break;
            }
        }
    }

    private static void Print(string name, long rows, double seconds, string extra) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"case={name} rows={rows} seconds={seconds:F3} rows_per_second={rows / seconds:F0} {extra}"));

    /// <summary>
    /// <c>psql \copy</c> of the file into a plain table, or into one shaped like <c>candles</c> (series columns, source,
    /// insert time, primary key), which is the floor of any upsert-capable store.
    /// </summary>
    private static async Task<double> PsqlCopyAsync(string connectionString, string csv, string table, bool primaryKey)
    {
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            var columns = "open_time bigint, open float8, high float8, low float8, close float8, volume float8, turnover float8";
            await using var create = new NpgsqlCommand(
                primaryKey
                    ? $"""
                      CREATE TABLE {table} (
                          symbol varchar(32) COLLATE "C" NOT NULL DEFAULT 'BENCHUSDT', interval varchar(4) COLLATE "C" NOT NULL DEFAULT '1',
                          {columns}, source varchar(64) NOT NULL DEFAULT 'upload:0123456789abcdef0123456789abcdef',
                          inserted_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (symbol, interval, open_time))
                      """
                    : $"CREATE TABLE {table} ({columns})",
                connection);
            await create.ExecuteNonQueryAsync();
        }
        var start = new ProcessStartInfo("psql")
        {
            ArgumentList =
            {
                "-h", settings.Host!, "-p", settings.Port.ToString(CultureInfo.InvariantCulture), "-U", settings.Username!, "-d", settings.Database!,
                "-v", "ON_ERROR_STOP=1", "-c",
                $"\\copy {table} (open_time, open, high, low, close, volume, turnover) FROM '{csv}' WITH (FORMAT csv, HEADER true)",
            },
            Environment = { ["PGPASSWORD"] = settings.Password },
            RedirectStandardOutput = true,
        };
        var watch = Stopwatch.StartNew();
        using var psql = Process.Start(start)!;
        await psql.WaitForExitAsync();
        if (psql.ExitCode != 0)
        {
            throw new InvalidOperationException($"psql exited with {psql.ExitCode}");
        }
        return watch.Elapsed.TotalSeconds;
    }
}
