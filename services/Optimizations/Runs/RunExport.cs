using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsvHelper;
using CsvHelper.Configuration;
using Dapper;
using Npgsql;
using Platform.Optimizations.Objectives;
using Platform.Optimizations.WalkForward;

namespace Platform.Optimizations.Runs;

/// <summary>
/// A run as a CSV table to take away: for a grid or a search, every result with its trial number (a search's), its
/// parameters, score and metrics; for a walk-forward, every window with its dates, parameters and in- and out-of-sample
/// figures; for a Monte Carlo, the percentile bands of its equity paths. Nested figures are named by their path
/// (<c>oos_metrics.sharpe_ratio</c>).
/// </summary>
internal sealed class RunExport(NpgsqlDataSource dataSource)
{
    private static readonly CsvConfiguration Configuration = new(CultureInfo.InvariantCulture) { NewLine = "\r\n" };

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>A window's fields in the order the result declares them (stored documents come back in jsonb's order of keys).</summary>
    private static readonly ImmutableArray<string> WindowFields =
        [.. typeof(WalkForwardWindow).GetConstructors()[0].GetParameters().Select(parameter => JsonNamingPolicy.SnakeCaseLower.ConvertName(parameter.Name!))];

    public async Task WriteAsync(OptimizationRun run, Stream output, CancellationToken cancellationToken)
    {
        var rows = RunKind.HasResults(run.Kind) ? await ResultRowsAsync(run.Id, cancellationToken) : DocumentRows(run);
        var columns = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var column in rows.SelectMany(row => row.Keys).Where(seen.Add))
        {
            columns.Add(column);
        }

        await using var csv = new CsvWriter(new StreamWriter(output, Utf8, bufferSize: 64 * 1024, leaveOpen: true), Configuration);
        foreach (var column in columns)
        {
            csv.WriteField(column);
        }
        await csv.NextRecordAsync();
        foreach (var row in rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var column in columns)
            {
                csv.WriteField(row.TryGetValue(column, out var value) ? value : "");
            }
            await csv.NextRecordAsync();
        }
        await csv.FlushAsync();
    }

    private async Task<List<Dictionary<string, string>>> ResultRowsAsync(long runId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var results = await connection.QueryAsync<(int? Trial, string Params, double? Score, string Metrics)>(new CommandDefinition(
            "SELECT trial, params::text, score, metrics::text FROM optimization_results WHERE run_id = @RunId ORDER BY trial NULLS LAST, id",
            new { RunId = runId },
            cancellationToken: cancellationToken));
        return [.. results.Select(result =>
        {
            var row = new Dictionary<string, string>(StringComparer.Ordinal);
            if (result.Trial is { } trial)
            {
                row["trial"] = trial.ToString(CultureInfo.InvariantCulture);
            }
            foreach (var (name, value) in JsonNode.Parse(result.Params)!.AsObject().OrderBy(pair => pair.Key, StringComparer.Ordinal))
            {
                Flatten(value, name, row);
            }
            row["score"] = result.Score is { } score ? score.ToString("R", CultureInfo.InvariantCulture) : "";
            var metrics = JsonNode.Parse(result.Metrics)!.AsObject();
            foreach (var (name, value) in metrics.OrderBy(pair => MetricOrder(pair.Key)).ThenBy(pair => pair.Key, StringComparer.Ordinal))
            {
                Flatten(value, name, row);
            }
            return row;
        })];
    }

    private static List<Dictionary<string, string>> DocumentRows(OptimizationRun run)
    {
        var results = run.Results is null ? null : JsonNode.Parse(run.Results);
        if (run.Kind == RunKind.WalkForward)
        {
            return [.. (results?["results"]?["windows"]?.AsArray() ?? []).Select(window =>
            {
                var row = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var (name, value) in window!.AsObject().OrderBy(pair => WindowFields.IndexOf(pair.Key) is var index and >= 0 ? index : int.MaxValue))
                {
                    Flatten(value, name, row);
                }
                return row;
            })];
        }
        var bands = results?["monte_carlo"]?["equity_bands"];
        var trades = bands?["trades"]?.AsArray() ?? [];
        string[] percentiles = ["percentile_5", "percentile_25", "percentile_50", "percentile_75", "percentile_95"];
        return [.. trades.Select((count, index) =>
        {
            var row = new Dictionary<string, string>(StringComparer.Ordinal) { ["trades"] = Cell(count) };
            foreach (var percentile in percentiles)
            {
                row[$"return_{percentile}"] = Cell(bands![percentile]![index]);
            }
            return row;
        })];
    }

    /// <summary>The key metrics first, in the order results are created with; any other after them.</summary>
    private static int MetricOrder(string name) => RunSpec.KeyMetricNames.IndexOf(name) is var index and >= 0 ? index : int.MaxValue;

    /// <summary>Scalars under their path (<c>a.b</c>); arrays of scalars joined by spaces.</summary>
    private static void Flatten(JsonNode? node, string path, Dictionary<string, string> row)
    {
        switch (node)
        {
            case JsonObject values:
                foreach (var (name, value) in values)
                {
                    Flatten(value, path.Length == 0 ? name : $"{path}.{name}", row);
                }
                break;
            case JsonArray items:
                row[path] = string.Join(" ", items.Select(Cell));
                break;
            default:
                row[path] = Cell(node);
                break;
        }
    }

    private static string Cell(JsonNode? node) => node switch
    {
        null => "",
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        JsonValue value when value.TryGetValue<double>(out var number) => number.ToString("R", CultureInfo.InvariantCulture),
        _ => node.ToJsonString(),
    };
}
