using Platform.Optimizations.MonteCarlo;

namespace Platform.Optimizations.Tests.MonteCarlo;

public sealed class TradeReturnsCompoundFromPnl
{
    [Fact]
    public void EachTradeIsAFractionOfTheEquityBeforeIt()
    {
        // 1000 → +100 (10 % of 1000) → 1100 → −110 (10 % of 1100) → 990; fees 1 and 2.2 are 0.1 % and 0.2 %.
        var trades = TradeReturns.FromPnl(1_000, [100, -110], [1, 2.2]);

        Assert.Equal([0.1, -0.1], trades.Returns);
        Assert.Equal(0.001, trades.Commissions![0], 15);
        Assert.Equal(0.002, trades.Commissions[1], 15);
    }

    [Fact]
    public void TheOriginalReturnIsTheBacktestsTotalReturn()
    {
        var trades = TradeReturns.FromPnl(1_000, [100, -110, 45]);

        var result = Simulation.Run(trades, new MonteCarloOptions { Simulations = 10, Seed = 1 });

        // 1000 → 1035 after the three trades: +3.5 %; the deepest fall is 1100 → 990, 10 %.
        Assert.Equal(3.5, result.OriginalReturn, 9);
        Assert.Equal(10, result.OriginalDrawdown, 9);
    }

    [Fact]
    public void TradesAfterEquityIsGoneRiskNothing()
    {
        var trades = TradeReturns.FromPnl(100, [-150, 50]);

        Assert.Equal([-1.5, 0], trades.Returns);
        Assert.Null(trades.Commissions);
    }

    [Fact]
    public void RejectsAnImpossibleAccount()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TradeReturns.FromPnl(0, [1]));
        Assert.Throws<ArgumentException>(() => TradeReturns.FromPnl(100, [1, 2], [0.1]));
    }
}
