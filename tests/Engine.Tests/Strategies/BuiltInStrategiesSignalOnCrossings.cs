using Platform.Engine.Indicators;
using Platform.Engine.Strategies;
using Platform.Engine.Tests.Indicators;
using Platform.Engine.Tests.Support;

namespace Platform.Engine.Tests.Strategies;

public sealed class BuiltInStrategiesSignalOnCrossings
{
    private static readonly Platform.Engine.Data.CandleSeries Series = Bars.RandomWalk(400, seed: 21, volatility: 0.02);
    private static readonly double[] Close = Series.Close.ToArray();

    private static byte[] Signals(string name, params (string, double)[] parameters)
    {
        var signals = new byte[Series.Count];
        Support.Strategies.Create(name, parameters).Bind().Signals.Write(new IndicatorCache(Series), signals);
        return signals;
    }

    /// <summary>Expected signals from naive series: up where a crosses above b, down where it crosses below.</summary>
    private static byte[] Crosses(double[] a, double[] b, byte up, byte down) => [.. a.Select((_, i) =>
        i == 0 ? (byte)0
        : a[i] > b[i] && a[i - 1] <= b[i - 1] ? up
        : a[i] < b[i] && a[i - 1] >= b[i - 1] ? down
        : (byte)0)];

    [Fact]
    public void SmaCrossover()
    {
        var expected = Crosses(Naive.Sma(Close, 5), Naive.Sma(Close, 20), Signal.GoLong, Signal.GoShort);
        Assert.Equal(expected, Signals("sma_crossover", ("fast", 5), ("slow", 20)));
        Assert.Contains(Signal.GoLong, expected);
        Assert.Contains(Signal.GoShort, expected);
    }

    [Fact]
    public void EmaCrossover() =>
        Assert.Equal(Crosses(Naive.Ema(Close, 5), Naive.Ema(Close, 20), Signal.GoLong, Signal.GoShort), Signals("ema_crossover", ("fast", 5), ("slow", 20)));

    [Fact]
    public void MacdCrossover()
    {
        var line = Naive.Ema(Close, 6).Zip(Naive.Ema(Close, 13), (f, s) => f - s).ToArray();
        Assert.Equal(Crosses(line, Naive.Ema(line, 4), Signal.GoLong, Signal.GoShort), Signals("macd_crossover", ("fast", 6), ("slow", 13), ("signal", 4)));
    }

    [Fact]
    public void RsiMeanReversionEntersOnCrossingIntoTheZones()
    {
        var rsi = Naive.Rsi(Close, 6);
        var expected = Crosses(rsi, [.. rsi.Select(_ => 35.0)], 0, Signal.GoLong)
            .Zip(Crosses(rsi, [.. rsi.Select(_ => 65.0)], Signal.GoShort, 0), (a, b) => (byte)(a | b)).ToArray();

        Assert.Equal(expected, Signals("rsi_mean_reversion", ("period", 6), ("oversold", 35), ("overbought", 65)));
        Assert.Contains(Signal.GoLong, expected);
        Assert.Contains(Signal.GoShort, expected);
    }

    [Fact]
    public void BollingerReversionTradesBandCrossings()
    {
        var (middle, deviation) = (Naive.Sma(Close, 10), Naive.StdDev(Close, 10));
        var lower = middle.Zip(deviation, (m, d) => m - 1.5 * d).ToArray();
        var upper = middle.Zip(deviation, (m, d) => m + 1.5 * d).ToArray();
        var expected = Crosses(Close, lower, 0, Signal.GoLong).Zip(Crosses(Close, upper, Signal.GoShort, 0), (a, b) => (byte)(a | b)).ToArray();

        Assert.Equal(expected, Signals("bollinger_reversion", ("period", 10), ("std_dev", 1.5)));
        Assert.Contains(Signal.GoLong, expected);
    }

    [Fact]
    public void BollingerReversionCanExitAtTheMiddleBand()
    {
        var (middle, deviation) = (Naive.Sma(Close, 10), Naive.StdDev(Close, 10));
        var lower = middle.Zip(deviation, (m, d) => m - 1.5 * d).ToArray();
        var upper = middle.Zip(deviation, (m, d) => m + 1.5 * d).ToArray();
        var expected = Crosses(Close, lower, 0, Signal.EnterLong)
            .Zip(Crosses(Close, upper, Signal.EnterShort, 0), (a, b) => (byte)(a | b))
            .Zip(Crosses(Close, middle, Signal.ExitLong, Signal.ExitShort), (a, b) => (byte)(a | b)).ToArray();

        Assert.Equal(expected, Signals("bollinger_reversion", ("period", 10), ("std_dev", 1.5), ("exit_at_middle", 1)));
        Assert.Contains(expected, s => s == Signal.ExitLong);
    }

    [Fact]
    public void DonchianBreakoutTradesNewExtremesOfThePreviousBars()
    {
        var (high, low) = (Series.High.ToArray(), Series.Low.ToArray());
        var highest = Naive.Highest(high, 15);
        var lowest = Naive.Lowest(low, 15);
        byte[] expected = [.. Close.Select((c, i) => i == 0 ? (byte)0 : c > highest[i - 1] ? Signal.GoLong : c < lowest[i - 1] ? Signal.GoShort : (byte)0)];

        Assert.Equal(expected, Signals("donchian_breakout", ("period", 15)));
        Assert.Contains(Signal.GoShort, expected);
    }
}
