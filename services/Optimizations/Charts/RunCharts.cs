using System.Globalization;
using System.Text.Json.Nodes;
using Dapper;
using Npgsql;
using Platform.Optimizations.Objectives;
using Platform.Optimizations.Runs;

namespace Platform.Optimizations.Charts;

/// <summary>
/// The charts a run has: the score heatmap of a grid or a search, the out-of-sample equity of a walk-forward, the fan of a
/// Monte Carlo. Each is built from what the run stored, or refused with the reason a user can act on.
/// </summary>
internal sealed class RunCharts(NpgsqlDataSource dataSource)
{
    public const string Heatmap = "heatmap";
    public const string Equity = "equity";
    public const string Fan = "fan";

    public static readonly string[] Names = [Heatmap, Equity, Fan];

    public async Task<ChartOutcome> BuildAsync(OptimizationRun run, string chart, string? x, string? y, CancellationToken cancellationToken)
    {
        var kindOf = chart switch
        {
            Heatmap => RunKind.HasResults(run.Kind),
            Equity => run.Kind == RunKind.WalkForward,
            Fan => run.Kind == RunKind.MonteCarlo,
            _ => false,
        };
        if (!kindOf)
        {
            return ChartOutcome.NotFound(
                $"Run {run.Id} is a {run.Kind} run, which has no {chart} chart: a heatmap is drawn for grid and search runs, "
                + "the equity for walk-forward runs and the fan for Monte Carlo runs.");
        }
        if (chart == Heatmap)
        {
            return await HeatmapAsync(run, x, y, cancellationToken);
        }
        if (run.Results is null)
        {
            return ChartOutcome.Conflict($"Run {run.Id} is {run.Status}: its {chart} chart is drawn once it has completed.");
        }
        var results = JsonNode.Parse(run.Results)!;
        return chart == Equity ? new ChartOutcome(WalkForwardEquity(results), null, 0) : new ChartOutcome(MonteCarloFan(results), null, 0);
    }

    private async Task<ChartOutcome> HeatmapAsync(OptimizationRun run, string? x, string? y, CancellationToken cancellationToken)
    {
        var settings = JsonNode.Parse(run.Settings)!;
        var axes = settings["param_ranges"]?.AsObject().Select(pair => pair.Key).Order(StringComparer.Ordinal).ToList() ?? [];
        x ??= axes.FirstOrDefault();
        y ??= axes.FirstOrDefault(name => name != x);
        if (x is null || y is null || x == y)
        {
            return ChartOutcome.Unprocessable("x", "a heatmap needs two different parameters: name them with x and y.");
        }
        var maximize = RunSpec.Parse(settings["objective"]!.ToJsonString()).Maximize;

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var results = await connection.QueryAsync<(string Params, double? Score)>(new CommandDefinition(
            "SELECT params::text, score FROM optimization_results WHERE run_id = @RunId", new { RunId = run.Id }, cancellationToken: cancellationToken));
        var cells = new Dictionary<(double X, double Y), double?>();
        foreach (var (text, score) in results)
        {
            var parameters = JsonNode.Parse(text)!.AsObject();
            foreach (var (field, name) in new[] { ("x", x), ("y", y) })
            {
                if (!ParameterSpace.TryNumber(parameters[name], out _))
                {
                    return ChartOutcome.Unprocessable(
                        field, $"{field}: '{name}' is not a numeric parameter of this run; its parameters are {string.Join(", ", parameters.Select(p => p.Key))}.");
                }
            }
            ParameterSpace.TryNumber(parameters[x], out var atX);
            ParameterSpace.TryNumber(parameters[y], out var atY);
            var best = cells.GetValueOrDefault((atX, atY));
            cells[(atX, atY)] = score is not { } value ? best : best is not { } held || (maximize ? value > held : value < held) ? value : held;
        }
        double[] xs = [.. cells.Keys.Select(key => key.X).Distinct().Order()];
        double[] ys = [.. cells.Keys.Select(key => key.Y).Distinct().Order()];
        double?[][] scores = [.. ys.Select(atY => xs.Select(atX => cells.GetValueOrDefault((atX, atY))).ToArray())];
        var metric = settings["objective"]?["metric"]?.GetValue<string>() ?? "score";
        return new ChartOutcome(new HeatmapFigure($"Best {metric} by {x} and {y} (run {run.Id})", x, y, metric, xs, ys, scores), null, 0);
    }

    private static WalkForwardEquityFigure WalkForwardEquity(JsonNode results)
    {
        var walk = results["results"]!;
        var curve = walk["oos_equity_curve"]?.AsArray() ?? [];
        return new WalkForwardEquityFigure(
            "Walk-forward out-of-sample equity",
            [.. curve.Select(point => Time(point!["timestamp"]!))],
            [.. curve.Select(point => point!["equity"]!.GetValue<double>())],
            [.. (walk["windows"]?.AsArray() ?? []).Select(window => Time(window!["oos_start"]!))]);
    }

    private static FanFigure MonteCarloFan(JsonNode results)
    {
        var bands = results["monte_carlo"]!["equity_bands"]!;
        double[] Band(string name) => [.. bands[name]!.AsArray().Select(value => value!.GetValue<double>())];
        return new FanFigure(
            $"Monte Carlo equity fan ({bands["paths"]} paths)", Band("trades"), Band("percentile_5"), Band("percentile_25"), Band("percentile_50"),
            Band("percentile_75"), Band("percentile_95"));
    }

    private static DateTimeOffset Time(JsonNode node) => DateTimeOffset.Parse(node.GetValue<string>(), CultureInfo.InvariantCulture);
}

/// <summary>A chart, or why there is none: a status (404, 409, 422) and the message, with the field for a 422.</summary>
internal sealed record ChartOutcome(RunFigure? Figure, string? Problem, int Status, string? Field = null)
{
    public static ChartOutcome NotFound(string problem) => new(null, problem, StatusCodes.Status404NotFound);

    public static ChartOutcome Conflict(string problem) => new(null, problem, StatusCodes.Status409Conflict);

    public static ChartOutcome Unprocessable(string field, string problem) => new(null, problem, StatusCodes.Status422UnprocessableEntity, field);
}
