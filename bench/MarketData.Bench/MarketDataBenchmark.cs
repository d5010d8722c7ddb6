using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Npgsql;

namespace Platform.MarketData.Bench;

/// <summary>
/// Upload + ingest of a 1,000,000-row one-minute CSV, the same rows through <c>psql \copy</c> into an unindexed table,
/// and reading them back through the internal endpoint in each format. One line per case.
/// </summary>
internal static class MarketDataBenchmark
{
    private const int Rows = 1_000_000;
    private const long Start = 1_577_836_800_000;

    public static async Task Main()
    {
        var csv = Path.Combine(Path.GetTempPath(), $"marketdata-bench-{Rows}.csv");
        if (!File.Exists(csv))
        {
            CsvGenerator.Write(csv, Rows, Start);
        }
        var megabytes = new FileInfo(csv).Length / 1024.0 / 1024.0;

        await using var service = new BenchmarkService();
        await service.InitializeAsync();
        using var client = service.CreateClient();
        client.Timeout = TimeSpan.FromMinutes(5);

        var total = Stopwatch.StartNew();
        string uploadId;
        await using (var file = File.OpenRead(csv))
        {
            using var form = new MultipartFormDataContent();
            var content = new StreamContent(file, 1 << 20);
            content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            form.Add(new StringContent("BENCHUSDT"), "symbol");
            form.Add(new StringContent("1"), "interval");
            form.Add(content, "file", "bench.csv");
            using var response = await client.PostAsync("/api/v1/marketdata/upload", form);
            response.EnsureSuccessStatusCode();
            uploadId = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("upload_id").GetString()!;
        }
        var uploaded = total.Elapsed.TotalSeconds;
        using (var response = await client.PostAsync($"/api/v1/marketdata/uploads/{uploadId}/ingest", new FormUrlEncodedContent([])))
        {
            var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            response.EnsureSuccessStatusCode();
            if (report.GetProperty("inserted").GetInt64() != Rows)
            {
                throw new InvalidOperationException($"expected {Rows} inserted rows: {report}");
            }
        }
        var ingestSeconds = total.Elapsed.TotalSeconds;
        Print("upload_ingest_1m", Rows, ingestSeconds, $"upload_seconds={uploaded:F3} ingest_seconds={ingestSeconds - uploaded:F3} megabytes={megabytes:F1}");

        var psqlSeconds = await PsqlCopyAsync(service.DatabaseConnectionString!, csv);
        Print("psql_copy_unindexed_1m", Rows, psqlSeconds, $"ratio_upload_ingest_to_psql={ingestSeconds / psqlSeconds:F2}");

        foreach (var (name, accept) in new[] { ("read_1m_binary", "application/x-platform-candles"), ("read_1m_csv", "text/csv"), ("read_1m_json", "application/json") })
        {
            var best = double.MaxValue;
            long bytes = 0;
            for (var run = 0; run < 3; run++)
            {
                var watch = Stopwatch.StartNew();
                using var request = new HttpRequestMessage(HttpMethod.Get, $"/internal/candles?symbol=BENCHUSDT&interval=1&start={Start}&end={Start + Rows * 60_000L}&backfill=false");
                request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
                response.EnsureSuccessStatusCode();
                await using var body = await response.Content.ReadAsStreamAsync();
                var buffer = new byte[1 << 16];
                bytes = 0;
                int read;
                while ((read = await body.ReadAsync(buffer)) > 0)
                {
                    bytes += read;
                }
                best = Math.Min(best, watch.Elapsed.TotalSeconds);
            }
            Print(name, Rows, best, $"megabytes={bytes / 1024.0 / 1024.0:F1}");
        }
    }

    private static void Print(string name, long rows, double seconds, string extra) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"case={name} rows={rows} seconds={seconds:F3} rows_per_second={rows / seconds:F0} {extra}"));

    private static async Task<double> PsqlCopyAsync(string connectionString, string csv)
    {
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand(
                "CREATE TABLE psql_copy (open_time bigint, open float8, high float8, low float8, close float8, volume float8, turnover float8)", connection);
            await create.ExecuteNonQueryAsync();
        }
        var start = new ProcessStartInfo("psql")
        {
            ArgumentList =
            {
                "-h", settings.Host!, "-p", settings.Port.ToString(CultureInfo.InvariantCulture), "-U", settings.Username!, "-d", settings.Database!,
                "-v", "ON_ERROR_STOP=1", "-c", $"\\copy psql_copy FROM '{csv}' WITH (FORMAT csv, HEADER true)",
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
