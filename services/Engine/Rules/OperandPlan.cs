using Platform.Engine.Indicators;

namespace Platform.Engine.Rules;

/// <summary>A bound operand: a series read <see cref="Lag"/> bars back, or a constant when <see cref="Series"/> is null.</summary>
internal readonly record struct OperandPlan(SeriesPlan? Series, double Constant, int Lag)
{
    public string Key => Series is null ? Numbers.Format(Constant) : Lag == 0 ? Series.Key : $"{Series.Key}[{Lag}]";

    public double[]? Values(IndicatorCache cache) => Series?.On(cache);
}
