using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dapper;
using Npgsql;
using Platform.Optimizations.Overfitting;
using Platform.Optimizations.Tests.Grid;
using Platform.Optimizations.Tests.Search;
using Xunit.Abstractions;

namespace Platform.Optimizations.Tests.Runs;

/// <summary>
/// What a user takes away from a run: the overfitting odds of a grid (noise against a series whose swings every
/// crossover trades the same way), the CSV export of every kind of run, and the charts as Plotly figures and PNGs.
/// </summary>
public sealed class RunsAreTakenAwayAndJudged(OptimizationsFactory factory, ITestOutputHelper output) : IClassFixture<OptimizationsFactory>
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    [Fact]
    public async Task AGridOfNoiseIsLikelyOverfittedAndItsOddsComeFromItsStoredReturns()
    {
        var client = factory.CreateClient();
        var id = await OptimizationRequests.CreateIdAsync(factory, client, "pbo-noise", body =>
        {
            body["end_date"] = OptimizationRequests.Start.AddHours(2_400).ToString("O");
            body["metric"] = "sharpe_ratio";
        });

        var run = await SearchesRunThroughTheApi.RunAsync(client, id, "grid", new JsonObject { ["param_space"] = NoiseSpace(), ["pbo_partitions"] = 12 });

        var overfitting = run.GetProperty("results").GetProperty("overfitting");
        output.WriteLine($"noise grid: {overfitting}");
        var returns = await StoredReturnsAsync(run.GetProperty("id").GetInt64());
        var expected = BacktestOverfitting.Compute([.. returns.Select(result => result.Returns)], 12);
        Assert.Equal((12, 924, 80, 240), (overfitting.GetProperty("partitions").GetInt32(), overfitting.GetProperty("splits").GetInt32(),
            overfitting.GetProperty("configurations").GetInt32(), overfitting.GetProperty("periods").GetInt32()));
        Assert.Equal(expected.Probability, overfitting.GetProperty("probability").GetDouble(), 12);
        Assert.Equal(expected.Verdict, overfitting.GetProperty("verdict").GetString());
        Assert.True(expected.Probability >= 0.3, $"a grid of noise should be at least possibly overfitted, PBO {expected.Probability}");
        // The periods cut the whole equity curve: they compound to each combination's total return.
        Assert.All(returns, result => Assert.Equal(result.TotalReturn, result.Returns.Aggregate(1.0, (equity, period) => equity * (1 + period)) - 1, 9));
    }

    [Fact]
    public async Task AGridOverRegularSwingsIsUnlikelyOverfitted()
    {
        var client = factory.CreateClient();
        var id = await CycleSeries.OptimizationAsync(factory, client, NoiseSpace(), "sharpe_ratio");

        var run = await SearchesRunThroughTheApi.RunAsync(client, id, "grid", new JsonObject());

        var overfitting = run.GetProperty("results").GetProperty("overfitting");
        output.WriteLine($"swings grid: {overfitting}");
        Assert.Equal(16, overfitting.GetProperty("partitions").GetInt32());
        Assert.True(overfitting.GetProperty("probability").GetDouble() < 0.1, overfitting.ToString());
        Assert.StartsWith("unlikely overfitted", overfitting.GetProperty("verdict").GetString());
    }

    [Fact]
    public async Task AGridExportsEveryResultWithItsParametersAndMetrics()
    {
        var client = factory.CreateClient();
        var id = await OptimizationRequests.CreateIdAsync(factory, client, "export-grid");
        var run = await SearchesRunThroughTheApi.RunAsync(client, id, "grid", new JsonObject());
        var runId = run.GetProperty("id").GetInt64();

        using var response = await client.GetAsync($"/api/v1/optimizations/{id}/runs/{runId}/export");
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"optimization-{id}-run-{runId}.csv", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        Assert.Equal("fast,slow,score,total_return,sharpe_ratio,sortino_ratio,max_drawdown,win_rate,total_trades,profit_factor,final_capital,net_profit", lines[0]);
        var results = await SearchesRunThroughTheApi.ResultsAsync(client, id, runId);
        var rows = lines.Skip(1).Select(line => line.Split(',')).ToDictionary(cells => (cells[0], cells[1]));
        Assert.Equal(results.Count, rows.Count);
        Assert.Equal(9, rows.Count);
        foreach (var result in results)
        {
            var cells = rows[(Text(result.GetProperty("params").GetProperty("fast")), Text(result.GetProperty("params").GetProperty("slow")))];
            Assert.Equal(result.GetProperty("score").GetDouble(), double.Parse(cells[2], CultureInfo.InvariantCulture));
            Assert.Equal(result.GetProperty("sharpe_ratio").GetDouble(), double.Parse(cells[4], CultureInfo.InvariantCulture));
            Assert.Equal(result.GetProperty("total_trades").GetInt32(), int.Parse(cells[8], CultureInfo.InvariantCulture));
            Assert.Equal(result.GetProperty("metrics").GetProperty("final_capital").GetDouble(), double.Parse(cells[10], CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public async Task ASearchExportsItsTrialsInOrder()
    {
        var client = factory.CreateClient();
        var id = await OptimizationRequests.CreateIdAsync(factory, client, "export-search", body => body["param_ranges"] = SearchesRunThroughTheApi.WideSpace());
        var run = await SearchesRunThroughTheApi.RunAsync(client, id, "bayesian", new JsonObject { ["n_trials"] = 12, ["seed"] = 3 });

        var lines = (await client.GetStringAsync($"/api/v1/optimizations/{id}/runs/{run.GetProperty("id").GetInt64()}/export"))
            .Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.StartsWith("trial,fast,slow,score,", lines[0], StringComparison.Ordinal);
        Assert.Equal(Enumerable.Range(0, 12).Select(trial => trial.ToString(CultureInfo.InvariantCulture)), lines.Skip(1).Select(line => line.Split(',')[0]));
    }

    [Fact]
    public async Task AWalkForwardAndAMonteCarloExportTheirWindowsAndBands()
    {
        var client = factory.CreateClient();
        var id = await OptimizationRequests.CreateIdAsync(factory, client, "export-walk", body => body["end_date"] = OptimizationRequests.Start.AddDays(30).ToString("O"));
        var walk = await SearchesRunThroughTheApi.RunAsync(client, id, "walk-forward", new JsonObject { ["train_size"] = 8, ["test_size"] = 4, ["step_size"] = 4 });
        var monteCarlo = await MonteCarloAsync(client, id);

        var windows = (await client.GetStringAsync($"/api/v1/optimizations/{id}/runs/{walk.GetProperty("id").GetInt64()}/export"))
            .Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var bands = (await client.GetStringAsync($"/api/v1/optimizations/{id}/runs/{monteCarlo.GetProperty("run_id").GetInt64()}/export"))
            .Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        var header = windows[0].Split(',');
        Assert.Equal(walk.GetProperty("results").GetProperty("results").GetProperty("windows").GetArrayLength(), windows.Length - 1);
        Assert.Contains("best_params.fast", header);
        Assert.Contains("oos_metrics.sharpe_ratio", header);
        Assert.Equal("window_id", header[0]);
        Assert.Equal("trades,return_percentile_5,return_percentile_25,return_percentile_50,return_percentile_75,return_percentile_95", bands[0]);
        var trades = monteCarlo.GetProperty("monte_carlo").GetProperty("equity_bands").GetProperty("trades");
        Assert.Equal(trades.GetArrayLength(), bands.Length - 1);
        Assert.Equal(trades[trades.GetArrayLength() - 1].GetInt32().ToString(CultureInfo.InvariantCulture), bands[^1].Split(',')[0]);
    }

    [Fact]
    public async Task TheHeatmapHoldsTheBestScoreOfEachPairOfValues()
    {
        var client = factory.CreateClient();
        var id = await OptimizationRequests.CreateIdAsync(factory, client, "chart-heatmap");
        var run = await SearchesRunThroughTheApi.RunAsync(client, id, "grid", new JsonObject
        {
            ["param_space"] = new JsonObject { ["fast"] = new JsonArray(3, 5), ["slow"] = new JsonArray(10, 20, 30) },
        });
        var runId = run.GetProperty("id").GetInt64();

        var figure = await SearchesRunThroughTheApi.JsonAsync(client, $"/api/v1/optimizations/{id}/runs/{runId}/charts/heatmap");
        using var png = await client.GetAsync($"/api/v1/optimizations/{id}/runs/{runId}/charts/heatmap?x=slow&y=fast&format=png");

        var heatmap = figure.GetProperty("data")[0];
        Assert.Equal("heatmap", heatmap.GetProperty("type").GetString());
        Assert.Equal([3.0, 5.0], heatmap.GetProperty("x").EnumerateArray().Select(value => value.GetDouble()));
        Assert.Equal([10.0, 20.0, 30.0], heatmap.GetProperty("y").EnumerateArray().Select(value => value.GetDouble()));
        foreach (var result in await SearchesRunThroughTheApi.ResultsAsync(client, id, runId))
        {
            var column = result.GetProperty("params").GetProperty("fast").GetDouble() == 3 ? 0 : 1;
            var row = (int)result.GetProperty("params").GetProperty("slow").GetDouble() / 10 - 1;
            Assert.Equal(result.GetProperty("score").GetDouble(), heatmap.GetProperty("z")[row][column].GetDouble());
        }
        Assert.Equal("fast", figure.GetProperty("layout").GetProperty("xaxis").GetProperty("title").GetProperty("text").GetString());
        Assert.Equal(HttpStatusCode.OK, png.StatusCode);
        Assert.Equal("image/png", png.Content.Headers.ContentType!.MediaType);
        Assert.Equal(PngSignature, (await png.Content.ReadAsByteArrayAsync())[..8]);
    }

    [Fact]
    public async Task AWalkForwardHasItsEquityChartAndAMonteCarloItsFan()
    {
        var client = factory.CreateClient();
        var id = await OptimizationRequests.CreateIdAsync(factory, client, "chart-walk", body => body["end_date"] = OptimizationRequests.Start.AddDays(30).ToString("O"));
        var walk = await SearchesRunThroughTheApi.RunAsync(client, id, "walk-forward", new JsonObject { ["train_size"] = 8, ["test_size"] = 4, ["step_size"] = 4 });
        var walkId = walk.GetProperty("id").GetInt64();
        var monteCarlo = await MonteCarloAsync(client, id);
        var monteCarloId = monteCarlo.GetProperty("run_id").GetInt64();

        var equity = await SearchesRunThroughTheApi.JsonAsync(client, $"/api/v1/optimizations/{id}/runs/{walkId}/charts/equity");
        var fan = await SearchesRunThroughTheApi.JsonAsync(client, $"/api/v1/optimizations/{id}/runs/{monteCarloId}/charts/fan");
        using var equityPng = await client.GetAsync($"/api/v1/optimizations/{id}/runs/{walkId}/charts/equity?format=png");
        using var fanPng = await client.GetAsync($"/api/v1/optimizations/{id}/runs/{monteCarloId}/charts/fan?format=png");

        var document = walk.GetProperty("results").GetProperty("results");
        var curve = document.GetProperty("oos_equity_curve");
        Assert.Equal(curve.EnumerateArray().Select(point => point.GetProperty("equity").GetDouble()), equity.GetProperty("data")[0].GetProperty("y").EnumerateArray().Select(value => value.GetDouble()));
        Assert.Equal(
            document.GetProperty("windows").EnumerateArray().Select(window => window.GetProperty("oos_start").GetDateTimeOffset()),
            equity.GetProperty("layout").GetProperty("shapes").EnumerateArray().Select(shape => shape.GetProperty("x0").GetDateTimeOffset()));
        var bands = monteCarlo.GetProperty("monte_carlo").GetProperty("equity_bands");
        Assert.Equal(5, fan.GetProperty("data").GetArrayLength());
        Assert.Equal(Values(bands.GetProperty("percentile_50")), Values(fan.GetProperty("data")[4].GetProperty("y")));
        Assert.Equal(Values(bands.GetProperty("percentile_95")), Values(fan.GetProperty("data")[1].GetProperty("y")));
        Assert.Equal(PngSignature, (await equityPng.Content.ReadAsByteArrayAsync())[..8]);
        Assert.Equal(PngSignature, (await fanPng.Content.ReadAsByteArrayAsync())[..8]);
    }

    [Fact]
    public async Task ChartsARunDoesNotHaveOrCannotDrawAreRefusedWithTheReason()
    {
        var client = factory.CreateClient();
        var id = await OptimizationRequests.CreateIdAsync(factory, client, "chart-refused");
        var run = await SearchesRunThroughTheApi.RunAsync(client, id, "grid", new JsonObject());
        var path = $"/api/v1/optimizations/{id}/runs/{run.GetProperty("id").GetInt64()}/charts";

        var (fan, fanProblem) = await OptimizationRequests.SendAsync(client.GetAsync($"{path}/fan"));
        var (unknown, _) = await OptimizationRequests.SendAsync(client.GetAsync($"{path}/pie"));
        var (badX, badXProblem) = await OptimizationRequests.SendAsync(client.GetAsync($"{path}/heatmap?x=period&y=slow"));
        var (same, sameProblem) = await OptimizationRequests.SendAsync(client.GetAsync($"{path}/heatmap?x=slow&y=slow"));
        var (format, formatProblem) = await OptimizationRequests.SendAsync(client.GetAsync($"{path}/heatmap?format=svg"));
        var (missingRun, _) = await OptimizationRequests.SendAsync(client.GetAsync($"/api/v1/optimizations/{id}/runs/999999999/charts/heatmap"));

        Assert.Equal(HttpStatusCode.NotFound, fan);
        Assert.Contains("is a grid run, which has no fan chart", fanProblem.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.NotFound, unknown);
        Assert.Equal([HttpStatusCode.UnprocessableEntity, HttpStatusCode.UnprocessableEntity, HttpStatusCode.UnprocessableEntity], [badX, same, format]);
        Assert.Equal(["x"], OptimizationRequests.ErrorFields(badXProblem));
        Assert.Equal(["x"], OptimizationRequests.ErrorFields(sameProblem));
        Assert.Equal(["format"], OptimizationRequests.ErrorFields(formatProblem));
        Assert.Equal(HttpStatusCode.NotFound, missingRun);
    }

    /// <summary>A Monte Carlo of the best parameters of a grid run for it (a walk-forward's have no single best).</summary>
    private static async Task<JsonElement> MonteCarloAsync(HttpClient client, long id)
    {
        var grid = await SearchesRunThroughTheApi.RunAsync(client, id, "grid", new JsonObject());
        using var simulated = await client.PostAsJsonAsync(
            $"/api/v1/optimizations/{id}/monte-carlo", new JsonObject { ["n_simulations"] = 100, ["seed"] = 2, ["run_id"] = grid.GetProperty("id").GetInt64() });
        var text = await simulated.Content.ReadAsStringAsync();
        Assert.True(simulated.IsSuccessStatusCode, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>fast 2–11 × slow 12–40 step 4: 80 crossovers.</summary>
    private static JsonObject NoiseSpace() => new()
    {
        ["fast"] = new JsonObject { ["min"] = 2, ["max"] = 11 },
        ["slow"] = new JsonObject { ["min"] = 12, ["max"] = 40, ["step"] = 4 },
    };

    private async Task<List<(double[] Returns, double TotalReturn)>> StoredReturnsAsync(long runId)
    {
        await using var connection = new NpgsqlConnection(factory.DatabaseConnectionString);
        return [.. await connection.QueryAsync<(double[], double)>(
            "SELECT period_returns, total_return FROM optimization_results WHERE run_id = @RunId ORDER BY id", new { RunId = runId })];
    }

    private static string Text(JsonElement value) => value.GetDouble().ToString("R", CultureInfo.InvariantCulture);

    private static double[] Values(JsonElement values) => [.. values.EnumerateArray().Select(value => value.GetDouble())];
}
