using Platform.Engine.Data;
using Platform.Engine.Rules;
using Platform.Engine.Tests.Indicators;
using Platform.Engine.Tests.Support;

namespace Platform.Engine.Tests.Rules;

/// <summary>
/// Each indicator of the language, as the catalog computes it for a document: its arguments in their declared order (set
/// to distinct values, so that two swapped arguments show), its outputs in their declared order, each against the naive
/// recomputation of the indicator tests, and its warm-up equal to the leading bars it leaves undefined.
/// </summary>
public sealed class TheCatalogWiresEachIndicatorToItsComputation
{
    private static readonly CandleSeries Candles = Bars.RandomWalk(300, seed: 41, volatility: 0.02);
    private static readonly (double Open, double High, double Low, double Close)[] Rows = Bars.Rows(Candles);
    private static readonly double[] Close = [.. Rows.Select(row => row.Close)];
    private static readonly double[] High = [.. Rows.Select(row => row.High)];
    private static readonly double[] Low = [.. Rows.Select(row => row.Low)];

    public static TheoryData<string> Names() => [.. IndicatorTypes.All.Select(type => type.Name)];

    [Theory]
    [MemberData(nameof(Names))]
    public void OutputsFollowTheDeclaredOrderAndMatchTheNaiveComputation(string name)
    {
        var type = IndicatorTypes.ByName[name];
        double[] arguments = name switch
        {
            "macd" => [5, 13, 4],
            "bollinger" => [12, 1.5],
            "stochastic" => [9, 4, 2],
            _ => [.. type.Arguments.Select((_, index) => 7.0 + index)],
        };

        var outputs = type.Compute(new IndicatorInput(Candles, type.TakesSource ? Close : null), arguments);

        var expected = Expected(name, arguments);
        Assert.Equal(type.Outputs.Count, outputs.Length);
        Assert.Equal(expected.Length, outputs.Length);
        for (var output = 0; output < outputs.Length; output++)
        {
            SeriesAssert.Close(expected[output], outputs[output], 1e-7);
        }
        Assert.Equal(outputs.Max(values => values.TakeWhile(double.IsNaN).Count()), type.WarmUp(arguments));
    }

    [Fact]
    public void AnIndicatorOfAnIndicatorStartsWhereItsSourceDoes()
    {
        var sma = Naive.Sma(Close, 10);
        var rsi = IndicatorTypes.ByName["rsi"];

        var computed = rsi.Compute(new IndicatorInput(Candles, sma), [6])[0];

        var expected = Enumerable.Repeat(double.NaN, 9).Concat(Naive.Rsi(sma[9..], 6)).ToArray();
        SeriesAssert.Close(expected, computed, 1e-9);
        Assert.Equal(9 + rsi.WarmUp([6]), computed.TakeWhile(double.IsNaN).Count());
    }

    private static double[][] Expected(string name, double[] a)
    {
        var n = a.Length > 0 ? (int)a[0] : 0;
        switch (name)
        {
            case "sma": return [Naive.Sma(Close, n)];
            case "ema": return [Naive.Ema(Close, n)];
            case "wma": return [Naive.Wma(Close, n)];
            case "rsi": return [Naive.Rsi(Close, n)];
            case "stddev": return [Naive.StdDev(Close, n)];
            case "zscore": return [Naive.ZScore(Close, n)];
            case "highest": return [Naive.Highest(Close, n)];
            case "lowest": return [Naive.Lowest(Close, n)];
            case "roc": return [Naive.RateOfChange(Close, n)];
            case "atr": return [Naive.Atr(High, Low, Close, n)];
            case "macd":
                var line = Naive.Ema(Close, 5).Zip(Naive.Ema(Close, 13), (fast, slow) => fast - slow).ToArray();
                var first = Array.FindIndex(line, value => !double.IsNaN(value));
                var signal = Enumerable.Repeat(double.NaN, first).Concat(Naive.Ema(line[first..], 4)).ToArray();
                return [line, signal, [.. line.Zip(signal, (l, s) => l - s)]];
            case "bollinger":
                var bands = Naive.Bollinger(Close, n, a[1]);
                return [bands.Middle, bands.Upper, bands.Lower, bands.PercentB];
            case "adx":
                var adx = Naive.Adx(High, Low, Close, n);
                return [adx.Adx, adx.PlusDi, adx.MinusDi];
            case "stochastic":
                var stochastic = Naive.Stochastic(High, Low, Close, n, (int)a[1], (int)a[2]);
                return [stochastic.K, stochastic.D];
            case "vwap":
                return [Naive.Vwap(Candles.OpenTime.ToArray(), High, Low, Close, [.. Enumerable.Repeat(1.0, Close.Length)])];
            case "donchian":
                var upper = Naive.Highest(High, n);
                var lower = Naive.Lowest(Low, n);
                return [upper, [.. upper.Zip(lower, (u, l) => (u + l) / 2)], lower];
            default:
                throw new ArgumentOutOfRangeException(nameof(name), name, "an indicator this test does not know");
        }
    }
}
