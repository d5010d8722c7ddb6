using Platform.Engine.Data;
using Platform.Engine.Indicators;

namespace Platform.Engine.Rules;

/// <summary>
/// A series with every number bound, named by a canonical key (<c>sma(close;10)</c>) so that equal series are computed
/// once per candle series and shared by every rule and every grid combination that reads them.
/// </summary>
internal abstract class SeriesPlan(string key)
{
    public string Key { get; } = key;

    /// <summary>The series on the cache's own candles, one value per bar.</summary>
    public abstract double[] On(IndicatorCache cache);
}

internal sealed class PriceSeriesPlan(string field) : SeriesPlan(field)
{
    public override double[] On(IndicatorCache cache) => cache.Named(Key, (cache, Key), static state => [PriceFields.Compute(state.cache.Candles, state.Key)])[0];
}

internal sealed class IndicatorSeriesPlan(IndicatorType type, SeriesPlan? source, IReadOnlyList<double> arguments, int output)
    : SeriesPlan(OutputKey(type, source, arguments, output))
{
    private readonly string instanceKey = InstanceKey(type, source, arguments);

    public override double[] On(IndicatorCache cache) => cache.Named(instanceKey, (plan: this, cache), static state => state.plan.Compute(state.cache))[output];

    private double[][] Compute(IndicatorCache cache) => type.Compute(new IndicatorInput(cache.Candles, source?.On(cache)), arguments);

    private static string InstanceKey(IndicatorType type, SeriesPlan? source, IReadOnlyList<double> arguments) =>
        $"{type.Name}({source?.Key};{string.Join(';', arguments.Select(Numbers.Format))})";

    private static string OutputKey(IndicatorType type, SeriesPlan? source, IReadOnlyList<double> arguments, int output) =>
        output == 0 ? InstanceKey(type, source, arguments) : $"{InstanceKey(type, source, arguments)}.{type.Outputs[output]}";
}

/// <summary>
/// A series computed on a higher interval's closed candles and read at each base bar from the last higher candle closed by
/// that bar's close: a 4-hour value changes only once its 4 hours are over, so no rule sees a candle that is still forming.
/// </summary>
internal sealed class HigherTimeframePlan(SeriesPlan inner, Interval timeframe) : SeriesPlan($"{inner.Key}@{timeframe.Code}")
{
    public Interval Timeframe => timeframe;

    public override double[] On(IndicatorCache cache) => cache.Named(Key, (plan: this, cache), static state => [state.plan.Map(state.cache)])[0];

    private double[] Map(IndicatorCache cache)
    {
        var higher = cache.Higher(timeframe);
        var values = inner.On(higher.Cache);
        var lastClosed = higher.LastClosedIndex;
        var mapped = GC.AllocateUninitializedArray<double>(lastClosed.Length);
        for (var i = 0; i < mapped.Length; i++)
        {
            mapped[i] = lastClosed[i] < 0 ? double.NaN : values[lastClosed[i]];
        }
        return mapped;
    }
}
