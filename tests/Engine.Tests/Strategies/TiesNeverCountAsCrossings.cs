using System.Text.Json;
using Platform.Engine.Indicators;
using Platform.Engine.Strategies;
using Platform.Engine.Tests.Support;

namespace Platform.Engine.Tests.Strategies;

/// <summary>A cross needs strictly above after at-or-below (or the mirror); equal values never signal.</summary>
public sealed class TiesNeverCountAsCrossings
{
    private static byte[] Signals(Platform.Engine.Data.CandleSeries candles, string name, string parameters)
    {
        var signals = new byte[candles.Count];
        signals.AsSpan().Fill(0xFF);
        Support.Strategies.Parse(name, parameters).Bind().Signals.Write(new IndicatorCache(candles), signals);
        return signals;
    }

    [Fact]
    public void CrossingFromATieSignalsOnceAndStayingTiedNever()
    {
        var candles = Bars.Flat(1, 2, 2, 3, 2, 1);
        var crossings = StrategyCatalog.Define(JsonDocument.Parse("""
            {"rules": {
              "enter_long": {"left": "close", "op": "crosses_above", "right": 2},
              "enter_short": {"left": 2, "op": "crosses_above", "right": "close"}}}
            """).RootElement).Value!;
        var signals = new byte[6];

        StrategyCatalog.Validate(crossings, new Dictionary<string, double>()).Value!.Bind().Signals.Write(new IndicatorCache(candles), signals);

        Assert.Equal([0, 0, 0, Signal.EnterLong, 0, Signal.EnterShort], signals);
    }

    [Fact]
    public void FlatPricesThenAJumpCrossMovingAveragesOnce()
    {
        var candles = Bars.Flat([.. Enumerable.Repeat(100.0, 30), 110, 110]);
        var expected = new byte[32];
        expected[30] = Signal.GoLong;

        Assert.Equal(expected, Signals(candles, "sma_crossover", "fast=2,slow=5"));
        Assert.Equal(expected, Signals(candles, "ema_crossover", "fast=2,slow=5"));
        Assert.Equal(expected, Signals(candles, "macd_crossover", "fast=2,slow=5,signal=2"));
    }

    [Fact]
    public void RsiAtExactlyTheLevelDoesNotSignalButLeavingItDoes()
    {
        // Flat prices hold RSI at 50; the drop and the rise take it below and above.
        var down = Bars.Flat([.. Enumerable.Repeat(100.0, 10), 90]);
        var up = Bars.Flat([.. Enumerable.Repeat(100.0, 10), 110]);

        Assert.Equal(Signal.GoLong, Signals(down, "rsi_mean_reversion", "period=3,oversold=50,overbought=60")[10]);
        Assert.All(Signals(down, "rsi_mean_reversion", "period=3,oversold=50,overbought=60")[..10], s => Assert.Equal(0, s));
        Assert.Equal(Signal.GoShort, Signals(up, "rsi_mean_reversion", "period=3,oversold=40,overbought=50")[10]);
        Assert.All(Signals(up, "rsi_mean_reversion", "period=3,oversold=40,overbought=50")[..10], s => Assert.Equal(0, s));
    }

    [Fact]
    public void DonchianNeedsANewExtreme()
    {
        var signals = Signals(Bars.Flat(100, 100, 100, 101, 101, 99), "donchian_breakout", "period=2");
        Assert.Equal([0, 0, 0, Signal.GoLong, 0, Signal.GoShort], signals);
    }

    [Fact]
    public void BollingerBandsOfFlatPricesNeverCross()
    {
        var flat = Bars.Flat([.. Enumerable.Repeat(100.0, 20)]);
        Assert.All(Signals(flat, "bollinger_reversion", "period=5,std_dev=1,exit_at_middle=1"), s => Assert.Equal(0, s));
        Assert.All(Signals(flat, "bollinger_reversion", "period=5,std_dev=1"), s => Assert.Equal(0, s));
    }
}
