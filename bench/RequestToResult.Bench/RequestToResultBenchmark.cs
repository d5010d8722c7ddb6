using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime;
using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.MarketData.Bench;

namespace Platform.RequestToResult.Bench;

/// <summary>
/// From request to result through the gateway, as a user meets the platform, on 1,000,000 one-minute candles: the CSV's
/// upload and strict ingest, a backtest (SMA cross 10/30, long only) from its POST to <c>completed</c>, a
/// 90-combination grid from its start to <c>completed</c>, and the backtest's PDF report. Each is polled every 5 ms.
/// One line per case, with the best and the median of its timed runs; the first backtest and the first grid, which read
/// the candles from PostgreSQL, have lines of their own.
/// </summary>
internal static class RequestToResultBenchmark
{
    private const int Rows = 1_000_000;
    private const int WarmUpRows = 50_000;
    private const string Symbol = "BENCHUSDT";
    private static readonly DateTimeOffset Start = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset End = Start.AddMinutes(Rows);

    public static async Task Main(string[] args)
    {
        var runs = args.Contains("--quick") ? 2 : 5;
        // "--case a,b" runs some cases only; the upload always runs, as every other case reads its candles.
        var only = args.SkipWhile(arg => arg != "--case").Skip(1).FirstOrDefault()?.Split(',').ToHashSet() ?? [];
        bool Runs(params string[] names) => only.Count == 0 || names.Any(only.Contains);
        var csv = Path.Combine(Path.GetTempPath(), $"request-to-result-{Rows}.csv");
        if (!File.Exists(csv))
        {
            CsvGenerator.Write(csv, Rows, Start.ToUnixTimeMilliseconds());
        }
        var warmUpCsv = Path.Combine(Path.GetTempPath(), "request-to-result-warm-up.csv");
        CsvGenerator.Write(warmUpCsv, WarmUpRows, Start.ToUnixTimeMilliseconds());

        await using var platform = await BenchPlatform.StartAsync();
        var client = platform.Client;

        // A smaller file of another symbol first, so that the measured upload meets a warm platform, as in production.
        await UploadAndIngestAsync(client, warmUpCsv, "WARMUSDT");
        await JitSettledAsync();
        var upload = await UploadAndIngestAsync(client, csv, Symbol);
        Print("upload_ingest_1m", $"rows={Rows}", [upload.Total], $"upload_seconds={upload.Upload:F3} ingest_seconds={upload.Total - upload.Upload:F3}");
        if (!Runs("backtest_1m_first", "backtest_1m", "grid_90_1m_first", "grid_90_1m", "pdf_report_1m"))
        {
            return;
        }

        var strategy = await PostForIdAsync(client, "/api/v1/strategies/", new JsonObject
        {
            ["name"] = $"bench-{Guid.NewGuid():N}",
            ["strategy_type"] = "sma_crossover",
            ["config"] = new JsonObject { ["fast"] = 10, ["slow"] = 30 },
        });
        var backtest = new JsonObject
        {
            ["strategy_id"] = strategy,
            ["symbol"] = Symbol,
            ["timeframe"] = "1",
            ["start_date"] = Start.ToString("O"),
            ["end_date"] = End.ToString("O"),
            ["initial_capital"] = 10_000,
        };

        // A backtest and a grid of the small series first, so that the first of each on the million bars meets a warm
        // platform and measures its first read of the range.
        var warmUp = backtest.DeepClone().AsObject();
        (warmUp["symbol"], warmUp["end_date"]) = ("WARMUSDT", Start.AddMinutes(WarmUpRows).ToString("O"));
        await WaitAsync(client, $"/api/v1/backtests/{await PostForIdAsync(client, "/api/v1/backtests/", warmUp)}", "status");
        await RunGridAsync(client, strategy, "WARMUSDT", Start.AddMinutes(WarmUpRows));

        var backtestTimes = new List<double>();
        long lastBacktest = 0;
        var backtestRuns = Runs("backtest_1m", "pdf_report_1m") ? runs : Runs("backtest_1m_first") ? 0 : -1;
        for (var run = -1; run < backtestRuns; run++)
        {
            var watch = Stopwatch.StartNew();
            lastBacktest = await PostForIdAsync(client, "/api/v1/backtests/", backtest.DeepClone());
            var completed = await WaitAsync(client, $"/api/v1/backtests/{lastBacktest}", "status");
            if (run < 0)
            {
                // The first read of the range, from PostgreSQL; the market data service keeps it for the runs after it (4.14).
                Print("backtest_1m_first", $"bars={Rows}", [watch.Elapsed.TotalSeconds], $"trades={completed.GetProperty("total_trades").GetInt32()}");
            }
            else
            {
                backtestTimes.Add(watch.Elapsed.TotalSeconds);
            }
            if (run == runs - 1 && Runs("backtest_1m"))
            {
                Print("backtest_1m", $"bars={Rows}", backtestTimes, $"trades={completed.GetProperty("total_trades").GetInt32()}");
            }
        }

        var gridTimes = new List<double>();
        var gridRuns = Runs("grid_90_1m") ? runs : Runs("grid_90_1m_first") ? 0 : -1;
        for (var run = -1; run < gridRuns; run++)
        {
            var (seconds, completed) = await RunGridAsync(client, strategy, Symbol, End);
            if (run < 0)
            {
                // The first grid of the range: each optimization worker loads the candles once and keeps them for later runs.
                Print("grid_90_1m_first", $"combinations={completed.GetProperty("progress").GetProperty("done").GetInt32()} bars={Rows}", [seconds], "");
            }
            else
            {
                gridTimes.Add(seconds);
            }
            if (run == runs - 1)
            {
                var done = completed.GetProperty("progress").GetProperty("done").GetInt32();
                Print("grid_90_1m", $"combinations={done} bars={Rows}", gridTimes, $"combinations_per_second={done / gridTimes.Min():F1}");
            }
        }

        if (!Runs("pdf_report_1m"))
        {
            return;
        }
        var pdfTimes = new List<double>();
        long bytes = 0;
        for (var run = -1; run < runs; run++)
        {
            var watch = Stopwatch.StartNew();
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/backtests/{lastBacktest}/export/pdf");
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/pdf"));
            using var response = await client.SendAsync(request);
            var body = await response.Content.ReadAsByteArrayAsync();
            EnsureSuccess(response, body);
            bytes = body.Length;
            if (run >= 0)
            {
                pdfTimes.Add(watch.Elapsed.TotalSeconds);
            }
        }
        Print("pdf_report_1m", $"bars={Rows}", pdfTimes, $"megabytes={bytes / 1024.0 / 1024.0:F2}");
    }

    /// <summary>A 90-combination SMA-cross grid of <paramref name="symbol"/> from <see cref="Start"/>: seconds from its start to <c>completed</c>, and the run.</summary>
    private static async Task<(double Seconds, JsonElement Run)> RunGridAsync(HttpClient client, long strategy, string symbol, DateTimeOffset end)
    {
        var optimization = await PostForIdAsync(client, "/api/v1/optimizations/", new JsonObject
        {
            ["strategy_id"] = strategy,
            ["optimization_type"] = "grid_search",
            ["symbol"] = symbol,
            ["timeframe"] = "1",
            ["start_date"] = Start.ToString("O"),
            ["end_date"] = end.ToString("O"),
            ["param_ranges"] = new JsonObject
            {
                ["fast"] = new JsonObject { ["min"] = 5, ["max"] = 50, ["step"] = 5 },
                ["slow"] = new JsonObject { ["min"] = 60, ["max"] = 140, ["step"] = 10 },
            },
            ["metric"] = "sharpe_ratio",
            ["initial_capital"] = 10_000,
        });
        var watch = Stopwatch.StartNew();
        using var started = await client.PostAsJsonAsync($"/api/v1/optimizations/{optimization}/grid", new JsonObject());
        var runId = (await ReadAsync(started)).GetProperty("run_id").GetInt64();
        var completed = await WaitAsync(client, $"/api/v1/optimizations/{optimization}/runs/{runId}", "status");
        return (watch.Elapsed.TotalSeconds, completed);
    }

    private static async Task<(double Upload, double Total)> UploadAndIngestAsync(HttpClient client, string path, string symbol)
    {
        var watch = Stopwatch.StartNew();
        string uploadId;
        using (var uploaded = await CsvUpload.PostAsync(client, path, symbol))
        {
            uploadId = (await ReadAsync(uploaded)).GetProperty("upload_id").GetString()!;
        }
        var upload = watch.Elapsed.TotalSeconds;
        using var ingest = await client.PostAsync(
            $"/api/v1/marketdata/uploads/{uploadId}/ingest", new FormUrlEncodedContent([new("strict", "1")]));
        var answer = await ReadAsync(ingest);
        // Uploads above Ingest:SynchronousBytes are ingested by a job (docs/api-behaviour.md, 4.15).
        var report = ingest.StatusCode == HttpStatusCode.Accepted
            ? (await WaitAsync(client, ingest.Headers.Location!.OriginalString, "status")).GetProperty("report")
            : answer;
        if (report.GetProperty("ingested").GetInt64() == 0)
        {
            throw new InvalidOperationException($"nothing was stored: {report}");
        }
        return (upload, watch.Elapsed.TotalSeconds);
    }

    /// <summary>
    /// Waits until the JIT has compiled nothing for half a second: the five services share this process, so the optimized
    /// code of what the warm-up ran takes seconds to be compiled, while each service of a running platform has long had it.
    /// </summary>
    private static async Task JitSettledAsync()
    {
        var watch = Stopwatch.StartNew();
        var compiled = JitInfo.GetCompiledMethodCount();
        while (watch.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(500);
            var now = JitInfo.GetCompiledMethodCount();
            if (now == compiled)
            {
                Console.WriteLine($"jit settled after {watch.Elapsed.TotalSeconds:F1} s, {now} methods");
                return;
            }
            compiled = now;
        }
    }

    /// <summary>Polls <paramref name="path"/> every 5 ms until its <paramref name="statusField"/> is <c>completed</c>.</summary>
    private static async Task<JsonElement> WaitAsync(HttpClient client, string path, string statusField)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromMinutes(5))
        {
            using var response = await client.GetAsync(path);
            var state = await ReadAsync(response);
            switch (state.GetProperty(statusField).GetString())
            {
                case "completed":
                    return state;
                case "failed" or "cancelled":
                    throw new InvalidOperationException($"{path} ended {state}");
            }
            await Task.Delay(5);
        }
        throw new TimeoutException($"{path} did not complete within 5 minutes");
    }

    private static async Task<long> PostForIdAsync(HttpClient client, string path, JsonNode body)
    {
        using var response = await client.PostAsJsonAsync(path, body);
        return (await ReadAsync(response)).GetProperty("id").GetInt64();
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsByteArrayAsync();
        EnsureSuccess(response, body);
        return JsonDocument.Parse(body).RootElement;
    }

    private static void EnsureSuccess(HttpResponseMessage response, byte[] body)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException(
                $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {System.Text.Encoding.UTF8.GetString(body)}");
        }
    }

    private static void Print(string name, string sizes, IReadOnlyList<double> times, string extra)
    {
        var sorted = times.Order().ToArray();
        var median = sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"case={name} {sizes} seconds={sorted[0]:F3} median_seconds={median:F3} runs={sorted.Length} {extra}"));
    }
}
