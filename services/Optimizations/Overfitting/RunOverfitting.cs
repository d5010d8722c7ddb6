using System.Text.Json;
using System.Text.Json.Nodes;

namespace Platform.Optimizations.Overfitting;

/// <summary>
/// The overfitting odds of a grid or search run, reported in its result document: <see cref="BacktestOverfitting"/> over
/// the per-period returns of every configuration it evaluated (<see cref="Periods"/> periods of equal bar counts).
/// </summary>
internal static class RunOverfitting
{
    /// <summary>Periods per configuration: whole blocks for S = 2, 4, 6, 8, 10, 12, 16 and 20, and 16 to 120 periods per block.</summary>
    public const int Periods = 240;

    /// <summary>Most Sharpe ratios (configurations × splits × 2) one assessment may compute, about ten seconds of one core.</summary>
    public const long MaxRatios = 1_000_000_000;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>The requested S (default <see cref="BacktestOverfitting.DefaultPartitions"/>), with an error under <c>pbo_partitions</c> when it is not an even number from 2 to 20.</summary>
    public static int CheckPartitions(int? requested, Dictionary<string, string[]> errors)
    {
        var partitions = requested ?? BacktestOverfitting.DefaultPartitions;
        if (partitions is < 2 or > BacktestOverfitting.MaxPartitions || partitions % 2 != 0)
        {
            errors["pbo_partitions"] = [$"pbo_partitions must be an even number from 2 to {BacktestOverfitting.MaxPartitions}."];
        }
        return partitions;
    }

    /// <summary>The assessment as the result document carries it; with a <c>note</c> and no probability when it cannot be made.</summary>
    public static JsonObject Assess(IReadOnlyList<double[]> returns, int partitions)
    {
        var splits = Splits(partitions);
        if (returns.Count < 2)
        {
            return NotAssessed(partitions, returns.Count, "fewer than two configurations were evaluated: there is nothing to rank");
        }
        if (returns.Count * splits * 2 > MaxRatios)
        {
            return NotAssessed(
                partitions, returns.Count,
                $"{returns.Count} configurations × {splits} splits is too many to cross-validate; ask for fewer pbo_partitions");
        }
        try
        {
            var result = BacktestOverfitting.Compute(returns, partitions);
            var assessment = JsonSerializer.SerializeToNode(result, Json)!.AsObject();
            assessment["configurations"] = returns.Count;
            assessment["periods"] = returns[0].Length;
            return assessment;
        }
        catch (ArgumentException exception)
        {
            return NotAssessed(partitions, returns.Count, exception.Message.Split(" (Parameter", 2)[0]);
        }
    }

    private static long Splits(int partitions)
    {
        var splits = 1L;
        for (var k = 1; k <= partitions / 2; k++)
        {
            splits = splits * (partitions - k + 1) / k;
        }
        return splits;
    }

    private static JsonObject NotAssessed(int partitions, int configurations, string note) => new()
    {
        ["partitions"] = partitions,
        ["configurations"] = configurations,
        ["probability"] = null,
        ["note"] = note,
    };
}
