using Platform.Engine.Backtesting;
using Platform.Engine.Data;
using Platform.Engine.Filters;
using Platform.Engine.Tests.Support;

namespace Platform.Engine.Tests.Backtesting;

/// <summary>
/// The bar loop passes quiet bars (flat, or long with no level that a price could reach, and no order or event due) in
/// vector steps. A stop 99 % below the entry is never reached on these series, but it makes every long bar one the loop
/// checks bar by bar; both ways must give the same trades and the same equity, bit for bit.
/// </summary>
public sealed class QuietBarsChangeNoNumber
{
    private static readonly CandleSeries Candles = Bars.RandomWalk(20_000, seed: 23, volatility: 0.004);

    private const string Crossover = "sma_crossover:fast=5,slow=20";

    /// <summary>RSI entries cross the oversold level again and again while a long is held: pyramiding adds to it.</summary>
    private const string Reversion = "rsi_mean_reversion:period=6,oversold=35,overbought=65";

    public static TheoryData<string, string, BacktestSettings, TrendFilter[]> Runs => new()
    {
        { "long only", Crossover, new BacktestSettings(), [] },
        { "both directions", Crossover, new BacktestSettings { Direction = TradeDirection.Both }, [] },
        { "pyramiding", Reversion, new BacktestSettings { MaxEntries = 3, Sizing = PositionSizing.FractionOfEquity(0.3) }, [] },
        { "bar limit and funding", Crossover, new BacktestSettings { MaxBarsInTrade = 40, FundingRatePer8Hours = 0.0001 }, [] },
        { "fixed quantity", Reversion, new BacktestSettings { Sizing = PositionSizing.FixedQuantity(0.001) }, [] },
        { "trend filter", Crossover, new BacktestSettings(), [new TrendFilter(Interval.Parse("60"), 5)] },
    };

    [Theory]
    [MemberData(nameof(Runs))]
    public void PassingQuietBarsInVectorStepsGivesTheBarByBarResult(string run, string rules, BacktestSettings settings, TrendFilter[] filters)
    {
        var (name, parameters) = (rules.Split(':')[0], rules.Split(':')[1]);
        var strategy = Support.Strategies.Parse(name, parameters);

        var coasting = Backtester.Run(Candles, strategy, settings, filters);
        var checkedEachBar = Backtester.Run(Candles, strategy, settings with { StopLoss = PriceDistance.Percent(99) }, filters);

        Assert.True(coasting.Trades.Count > 100, $"{run}: {coasting.Trades.Count} trades");
        Assert.True(run != "pyramiding" || coasting.Trades.Any(trade => trade.Entries > 1), "no trade added an entry");
        Assert.Equal(checkedEachBar.Trades, coasting.Trades);
        Assert.Equal(
            checkedEachBar.Equity.ToArray().Select(BitConverter.DoubleToInt64Bits),
            coasting.Equity.ToArray().Select(BitConverter.DoubleToInt64Bits));
    }
}
