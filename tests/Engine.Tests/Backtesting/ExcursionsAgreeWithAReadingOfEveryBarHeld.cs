using Platform.Engine.Backtesting;
using Platform.Engine.Strategies;
using Platform.Engine.Tests.Support;

namespace Platform.Engine.Tests.Backtesting;

/// <summary>
/// Run-up and drawdown of long-held trades with added entries, on random walks, against a plain reading of their
/// definition: each stretch between two fills counts its first fill price and the high and low of every bar it holds, at
/// that stretch's average price and quantity; the last stretch adds the exit bar's open. Holding many bars takes the
/// simulator's vector scan, which the hand-worked cases of a few bars never reach.
/// </summary>
public sealed class ExcursionsAgreeWithAReadingOfEveryBarHeld
{
    public static TheoryData<int, bool> Cases()
    {
        var cases = new TheoryData<int, bool>();
        foreach (var seed in Enumerable.Range(1, 12))
        {
            cases.Add(seed, true);
            cases.Add(seed, false);
        }
        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void EveryStretchBetweenFillsCountsAtItsOwnAverage(int seed, bool isLong)
    {
        var random = new Random(seed);
        var candles = Bars.RandomWalk(400, seed, volatility: 0.02);
        var signalBars = new List<int> { random.Next(0, 20) };
        for (var entry = 1; entry < 3; entry++)
        {
            signalBars.Add(signalBars[^1] + random.Next(1, 60));
        }
        var exitSignal = signalBars[^1] + random.Next(1, 60);
        var (enter, exit) = isLong ? (Signal.EnterLong, Signal.ExitLong) : (Signal.EnterShort, Signal.ExitShort);
        var settings = Run.Frictionless with
        {
            Direction = isLong ? TradeDirection.Long : TradeDirection.Short,
            Sizing = PositionSizing.FixedQuantity(1),
            MaxEntries = 3,
        };

        var trade = Assert.Single(Run.Scripted(candles, settings, [.. signalBars.Select(bar => (bar, enter)), (exitSignal, exit)]).Trades);

        var rows = Bars.Rows(candles);
        var fills = signalBars.Select(bar => bar + 1).ToArray();
        var exitBar = exitSignal + 1;
        var (runUp, drawdown) = (0.0, 0.0);
        for (var stretch = 0; stretch < fills.Length; stretch++)
        {
            var end = stretch + 1 < fills.Length ? fills[stretch + 1] : exitBar;
            var prices = Enumerable.Range(fills[stretch], end - fills[stretch])
                .SelectMany(bar => new[] { rows[bar].High, rows[bar].Low })
                .Append(rows[fills[stretch]].Open)
                .Concat(stretch + 1 == fills.Length ? [rows[exitBar].Open] : [])
                .ToArray();
            var quantity = stretch + 1;
            var average = fills.Take(quantity).Average(bar => rows[bar].Open);
            var (best, worst) = isLong ? (prices.Max() - average, average - prices.Min()) : (average - prices.Min(), prices.Max() - average);
            runUp = Math.Max(runUp, best * quantity);
            drawdown = Math.Max(drawdown, worst * quantity);
        }
        Assert.Equal(3, trade.Entries);
        Assert.Equal(runUp, trade.RunUp, 9);
        Assert.Equal(drawdown, trade.Drawdown, 9);
    }
}
