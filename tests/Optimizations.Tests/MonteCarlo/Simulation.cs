using System.Text.Json;
using Platform.Optimizations.MonteCarlo;

namespace Platform.Optimizations.Tests.MonteCarlo;

/// <summary>Runs the simulator under a timeout and renders results the way the API does, to compare whole outputs.</summary>
internal static class Simulation
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static MonteCarloResult Run(TradeReturns trades, MonteCarloOptions options)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        return MonteCarloSimulator.Run(trades, options, timeout.Token);
    }

    public static MonteCarloResult Run(double[] returns, MonteCarloOptions options) => Run(new TradeReturns(returns), options);

    public static string ToJson(MonteCarloResult result) => JsonSerializer.Serialize(result, Json);

    /// <summary>Trade returns of a middling strategy: uniform between −3 % and +3.4 %, fixed by <paramref name="seed"/>.</summary>
    public static double[] Returns(int count, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ => random.NextDouble() * 0.064 - 0.03)];
    }
}
