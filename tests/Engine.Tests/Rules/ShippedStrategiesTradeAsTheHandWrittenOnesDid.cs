using System.Text.Json;
using Platform.Engine.Backtesting;
using Platform.Engine.Data;
using Platform.Engine.Indicators;
using Platform.Engine.Rules;
using Platform.Engine.Strategies;
using Platform.Engine.Tests.Support;

namespace Platform.Engine.Tests.Rules;

/// <summary>
/// The six shipped strategies are rule documents now. On a 100,000-bar series, each gives the very trades (bars, prices,
/// quantities, PnL, exit reasons) and equity curve of its hand-written predecessor, in both directions.
/// </summary>
public sealed class ShippedStrategiesTradeAsTheHandWrittenOnesDid
{
    private static readonly CandleSeries Candles = Bars.RandomWalk(100_000, seed: 160, volatility: 0.004);

    public static TheoryData<string, string> Cases => new()
    {
        { "sma_crossover", "fast=10,slow=30" },
        { "sma_crossover", "fast=3,slow=200" },
        { "ema_crossover", "fast=12,slow=50" },
        { "rsi_mean_reversion", "period=14,oversold=30,overbought=70" },
        { "rsi_mean_reversion", "period=5,oversold=20,overbought=85" },
        { "bollinger_reversion", "period=20,std_dev=2,exit_at_middle=0" },
        { "bollinger_reversion", "period=40,std_dev=1.5,exit_at_middle=1" },
        { "macd_crossover", "fast=12,slow=26,signal=9" },
        { "donchian_breakout", "period=20" },
        { "donchian_breakout", "period=1" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void TheSameTradesAndEquity(string name, string parameters)
    {
        var spec = Support.Strategies.Parse(name, parameters);
        var p = spec.Parameters;
        var reference = name switch
        {
            "sma_crossover" => HandWrittenSignals.SmaCrossover(Candles, p.Int("fast"), p.Int("slow")),
            "ema_crossover" => HandWrittenSignals.EmaCrossover(Candles, p.Int("fast"), p.Int("slow")),
            "rsi_mean_reversion" => HandWrittenSignals.RsiMeanReversion(Candles, p.Int("period"), p.Number("oversold"), p.Number("overbought")),
            "bollinger_reversion" => HandWrittenSignals.BollingerReversion(Candles, p.Int("period"), p.Number("std_dev"), p.Flag("exit_at_middle")),
            "macd_crossover" => HandWrittenSignals.MacdCrossover(Candles, p.Int("fast"), p.Int("slow"), p.Int("signal")),
            _ => HandWrittenSignals.DonchianBreakout(Candles, p.Int("period")),
        };
        var settings = new BacktestSettings { Direction = TradeDirection.Both, StopLoss = PriceDistance.Percent(3), SlippageBps = 2 };

        var rules = Backtester.Run(Candles, spec, settings);
        var handWritten = Backtester.Run(Candles, Replayed.Spec(reference), settings);

        Assert.True(handWritten.Trades.Count > 100, $"only {handWritten.Trades.Count} trades");
        Assert.Equal(handWritten.Trades, rules.Trades);
        Assert.Equal(handWritten.Equity, rules.Equity);
    }

    [Fact]
    public void TheirSignalsMatchBarForBar()
    {
        var spec = Support.Strategies.Parse("bollinger_reversion", "period=20,std_dev=2,exit_at_middle=1");
        var signals = new byte[Candles.Count];

        spec.Bind().Signals.Write(new IndicatorCache(Candles), signals);

        Assert.Equal(HandWrittenSignals.BollingerReversion(Candles, 20, 2, exitAtMiddle: true), signals);
    }

    /// <summary>Signals computed elsewhere, replayed bar by bar.</summary>
    private sealed class Replayed(byte[] signals) : ISignalSource, IStrategyProgram
    {
        public IReadOnlyList<ParameterSchema> Parameters => [];

        public TradeDirection DefaultDirection => TradeDirection.Long;

        public IReadOnlyList<(string Path, Interval Timeframe)> HigherTimeframes => [];

        public static StrategySpec Spec(byte[] signals) => new(
            new StrategyDefinition("hand_written", "reference", new Replayed(signals), default(JsonElement)),
            new StrategyParameters(new SortedDictionary<string, object>(StringComparer.Ordinal)));

        public IReadOnlyDictionary<string, string> Check(StrategyParameters parameters) => new Dictionary<string, string>();

        public BoundRules Bind(StrategyParameters parameters) =>
            new(this, BoundManagement.None, new RuleWarmUp(0, new Dictionary<string, int>()), new Dictionary<string, string>());

        public void Write(IndicatorCache indicators, Span<byte> output) => signals.CopyTo(output);
    }
}
