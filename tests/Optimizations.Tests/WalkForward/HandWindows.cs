using Platform.Optimizations.WalkForward;

namespace Platform.Optimizations.Tests.WalkForward;

/// <summary>Window records written by hand, for the aggregates that are checked against hand-computed numbers.</summary>
internal static class HandWindows
{
    public static WalkForwardWindow Make(
        int id,
        double oosProfit = 0,
        int oosTrades = 0,
        double? oosScore = null,
        double isSharpe = 1,
        double oosSharpe = 1,
        double? efficiency = 1,
        IReadOnlyDictionary<string, object>? bestParams = null) => new(
            id,
            SyntheticCandles.Start,
            SyntheticCandles.Start.AddDays(4),
            SyntheticCandles.Start.AddDays(4),
            SyntheticCandles.Start.AddDays(6),
            bestParams ?? new Dictionary<string, object>(),
            Metrics(1, isSharpe, 10),
            Metrics(oosProfit, oosSharpe, oosTrades),
            "sma_crossover",
            1,
            oosScore,
            96,
            48,
            1,
            1,
            efficiency);

    private static WindowMetrics Metrics(double netProfit, double sharpe, int trades) =>
        new(netProfit / 10_000, sharpe, 0.01, 0.5, trades, 1.5, netProfit);
}
