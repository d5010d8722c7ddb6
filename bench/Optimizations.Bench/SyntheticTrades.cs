using Platform.Optimizations.MonteCarlo;

namespace Platform.Optimizations.Bench;

/// <summary>A fixed history of trades: returns uniform between −2.9 % and +3.1 %, each paying 0.11 % (Bybit taker, both sides).</summary>
internal static class SyntheticTrades
{
    public static TradeReturns Generate(int count, int seed)
    {
        var random = new Random(seed);
        double[] returns = [.. Enumerable.Range(0, count).Select(_ => random.NextDouble() * 0.06 - 0.029)];
        return new TradeReturns(returns, [.. Enumerable.Repeat(0.0011, count)]);
    }
}
