using System.Text.Json.Serialization;

namespace Platform.Optimizations.MonteCarlo;

/// <summary>
/// The fan of simulated equity paths: at up to <see cref="MaxPoints"/> checkpoints along the path (trade counts), the 5th,
/// 25th, 50th, 75th and 95th percentiles of the paths' return so far, in percent. The bands cover the first
/// <see cref="MaxPaths"/> simulations, which the block seeding fixes for a seed, so memory stays bounded at any count.
/// </summary>
internal sealed record EquityBands(
    int Paths,
    IReadOnlyList<int> Trades,
    [property: JsonPropertyName("percentile_5")] IReadOnlyList<double> Percentile5,
    [property: JsonPropertyName("percentile_25")] IReadOnlyList<double> Percentile25,
    [property: JsonPropertyName("percentile_50")] IReadOnlyList<double> Percentile50,
    [property: JsonPropertyName("percentile_75")] IReadOnlyList<double> Percentile75,
    [property: JsonPropertyName("percentile_95")] IReadOnlyList<double> Percentile95)
{
    public const int MaxPoints = 100;
    public const int MaxPaths = 20_000;

    /// <summary>Checkpoints evenly spread over a path of <paramref name="length"/> trades, the last trade included.</summary>
    public static int[] Checkpoints(int length)
    {
        var points = Math.Min(length, MaxPoints);
        return [.. Enumerable.Range(1, points).Select(point => (int)Math.Round((double)point * length / points, MidpointRounding.AwayFromZero))];
    }

    /// <summary>The bands of <paramref name="paths"/> recorded paths, each <paramref name="checkpoints"/> long in <paramref name="record"/>.</summary>
    public static EquityBands Of(int[] checkpoints, double[] record, int paths)
    {
        var bands = new double[5][];
        for (var band = 0; band < bands.Length; band++)
        {
            bands[band] = new double[checkpoints.Length + 1];
        }
        var column = new double[paths];
        for (var point = 0; point < checkpoints.Length; point++)
        {
            for (var path = 0; path < paths; path++)
            {
                column[path] = record[path * checkpoints.Length + point];
            }
            Array.Sort(column);
            bands[0][point + 1] = SortedSample.Percentile(column, 5);
            bands[1][point + 1] = SortedSample.Percentile(column, 25);
            bands[2][point + 1] = SortedSample.Percentile(column, 50);
            bands[3][point + 1] = SortedSample.Percentile(column, 75);
            bands[4][point + 1] = SortedSample.Percentile(column, 95);
        }
        return new EquityBands(paths, [0, .. checkpoints], bands[0], bands[1], bands[2], bands[3], bands[4]);
    }
}
