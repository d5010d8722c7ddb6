using Platform.Engine.Indicators;

namespace Platform.Engine.Rules;

/// <summary>The indicators of the rule language (docs/strategy-language.md, Indicators).</summary>
internal static class IndicatorTypes
{
    public static IReadOnlyList<IndicatorType> All { get; } =
    [
        OnSource("sma", "Simple moving average.", [ArgumentSchema.Period(20)], ["value"], (s, a) => [Sma.Compute(s, Int(a, 0))], a => Sma.WarmUp(Int(a, 0))),
        OnSource("ema", "Exponential moving average, seeded with the SMA of the first period values.", [ArgumentSchema.Period(20)], ["value"],
            (s, a) => [Ema.Compute(s, Int(a, 0))], a => Ema.WarmUp(Int(a, 0))),
        OnSource("wma", "Linearly weighted moving average (weights 1 to period, the latest bar heaviest).", [ArgumentSchema.Period(20)], ["value"],
            (s, a) => [Wma.Compute(s, Int(a, 0))], a => Wma.WarmUp(Int(a, 0))),
        OnSource("rsi", "Wilder's relative strength index (0-100).", [ArgumentSchema.Period(14)], ["value"],
            (s, a) => [Rsi.Compute(s, Int(a, 0))], a => Rsi.WarmUp(Int(a, 0))),
        OnSource("macd", "MACD: the fast EMA minus the slow EMA (line), its EMA (signal), and their difference (histogram).",
            [ArgumentSchema.Period(12, "Fast EMA period", "fast"), ArgumentSchema.Period(26, "Slow EMA period", "slow"), ArgumentSchema.Period(9, "Signal EMA period", "signal")],
            ["line", "signal", "histogram"], Macd3, a => Macd.SignalWarmUp(Int(a, 0), Int(a, 1), Int(a, 2))),
        OnSource("bollinger", "Bollinger bands: the SMA ± k population standard deviations, and %b (0 at the lower band, 1 at the upper).",
            [ArgumentSchema.Period(20, min: 2), ArgumentSchema.Number("k", 2, 0.01, 100, "Band width in standard deviations")],
            ["middle", "upper", "lower", "percent_b"], Bands, a => Bollinger.WarmUp(Int(a, 0))),
        OnSource("stddev", "Rolling population standard deviation.", [ArgumentSchema.Period(20)], ["value"],
            (s, a) => [RollingStdDev.Compute(s, Int(a, 0))], a => RollingStdDev.WarmUp(Int(a, 0))),
        OnSource("zscore", "Rolling z-score: how many standard deviations the value lies from its SMA.", [ArgumentSchema.Period(20, min: 2)], ["value"],
            (s, a) => [ZScore.Compute(s, Int(a, 0))], a => ZScore.WarmUp(Int(a, 0))),
        OnSource("highest", "Highest value over the last period bars, this one included.", [ArgumentSchema.Period(20)], ["value"],
            (s, a) => [RollingExtremes.Highest(s, Int(a, 0))], a => RollingExtremes.WarmUp(Int(a, 0))),
        OnSource("lowest", "Lowest value over the last period bars, this one included.", [ArgumentSchema.Period(20)], ["value"],
            (s, a) => [RollingExtremes.Lowest(s, Int(a, 0))], a => RollingExtremes.WarmUp(Int(a, 0))),
        OnSource("roc", "Rate of change in percent against the value period bars earlier.", [ArgumentSchema.Period(10)], ["value"],
            (s, a) => [RateOfChange.Compute(s, Int(a, 0))], a => RateOfChange.WarmUp(Int(a, 0))),
        OnCandles("atr", "Wilder's average true range.", [ArgumentSchema.Period(14)], ["value"],
            (c, a) => [Atr.Compute(c.Candles.High, c.Candles.Low, c.Candles.Close, Int(a, 0))], a => Atr.WarmUp(Int(a, 0))),
        OnCandles("adx", "Wilder's average directional index with the directional indicators +DI and −DI (0-100).", [ArgumentSchema.Period(14)],
            ["adx", "plus_di", "minus_di"], DirectionalMovement, a => Adx.WarmUp(Int(a, 0))),
        OnCandles("stochastic", "Stochastic oscillator: %K over period bars smoothed over smooth bars, and %D its SMA over signal bars (0-100).",
            [ArgumentSchema.Period(14), ArgumentSchema.Period(3, "%K smoothing in bars", "smooth"), ArgumentSchema.Period(3, "%D period in bars", "signal")],
            ["k", "d"], Stochastics, a => Stochastic.DWarmUp(Int(a, 0), Int(a, 1), Int(a, 2))),
        OnCandles("vwap", "Volume-weighted average of the typical price (hlc3) since the start of the UTC day.", [], ["value"],
            (c, _) => [Vwap.Compute(c.Candles.OpenTime, c.Candles.High, c.Candles.Low, c.Candles.Close, c.Candles.Volume)], _ => Vwap.WarmUp()),
        OnCandles("donchian", "Donchian channel: the highest high and lowest low over the last period bars, and their midpoint.",
            [ArgumentSchema.Period(20)], ["upper", "middle", "lower"], Donchian, a => RollingExtremes.WarmUp(Int(a, 0))),
    ];

    public static IReadOnlyDictionary<string, IndicatorType> ByName { get; } = All.ToDictionary(type => type.Name, StringComparer.Ordinal);

    private static int Int(IReadOnlyList<double> arguments, int index) => (int)arguments[index];

    /// <summary>
    /// An indicator over one series. A source that is itself an indicator starts with its warm-up (NaN); the indicator
    /// is computed from the first defined value, so an RSI of an SMA starts once the SMA does.
    /// </summary>
    private static IndicatorType OnSource(
        string name, string description, IReadOnlyList<ArgumentSchema> arguments, IReadOnlyList<string> outputs,
        Func<ReadOnlySpan<double>, IReadOnlyList<double>, double[][]> compute, Func<IReadOnlyList<double>, int> warmUp) =>
        new(name, description, true, arguments, outputs, (input, a) => FromFirstValue(input.Source!, a, compute), warmUp);

    private static IndicatorType OnCandles(
        string name, string description, IReadOnlyList<ArgumentSchema> arguments, IReadOnlyList<string> outputs,
        Func<IndicatorInput, IReadOnlyList<double>, double[][]> compute, Func<IReadOnlyList<double>, int> warmUp) =>
        new(name, description, false, arguments, outputs, compute, warmUp);

    private static double[][] FromFirstValue(double[] source, IReadOnlyList<double> arguments, Func<ReadOnlySpan<double>, IReadOnlyList<double>, double[][]> compute)
    {
        var first = 0;
        while (first < source.Length && double.IsNaN(source[first]))
        {
            first++;
        }
        if (first == 0)
        {
            return compute(source, arguments);
        }
        var computed = compute(source.AsSpan(first), arguments);
        return [.. computed.Select(values =>
        {
            var shifted = new double[source.Length];
            shifted.AsSpan(0, first).Fill(double.NaN);
            values.CopyTo(shifted, first);
            return shifted;
        })];
    }

    private static double[][] Macd3(ReadOnlySpan<double> source, IReadOnlyList<double> a)
    {
        var line = Macd.Line(Ema.Compute(source, Int(a, 0)), Ema.Compute(source, Int(a, 1)));
        var signal = Ema.Compute(line, Int(a, 2));
        var histogram = new double[line.Length];
        for (var i = 0; i < line.Length; i++)
        {
            histogram[i] = line[i] - signal[i];
        }
        return [line, signal, histogram];
    }

    private static double[][] Bands(ReadOnlySpan<double> source, IReadOnlyList<double> a)
    {
        var bands = Bollinger.Compute(source, Int(a, 0), a[1]);
        return [bands.Middle, bands.Upper, bands.Lower, bands.PercentB];
    }

    private static double[][] DirectionalMovement(IndicatorInput input, IReadOnlyList<double> a)
    {
        var lines = Adx.Compute(input.Candles.High, input.Candles.Low, input.Candles.Close, Int(a, 0));
        return [lines.Adx, lines.PlusDi, lines.MinusDi];
    }

    private static double[][] Stochastics(IndicatorInput input, IReadOnlyList<double> a)
    {
        var lines = Stochastic.Compute(input.Candles.High, input.Candles.Low, input.Candles.Close, Int(a, 0), Int(a, 1), Int(a, 2));
        return [lines.K, lines.D];
    }

    private static double[][] Donchian(IndicatorInput input, IReadOnlyList<double> a)
    {
        var upper = RollingExtremes.Highest(input.Candles.High, Int(a, 0));
        var lower = RollingExtremes.Lowest(input.Candles.Low, Int(a, 0));
        var middle = new double[upper.Length];
        for (var i = 0; i < middle.Length; i++)
        {
            middle[i] = (upper[i] + lower[i]) / 2;
        }
        return [upper, middle, lower];
    }
}
