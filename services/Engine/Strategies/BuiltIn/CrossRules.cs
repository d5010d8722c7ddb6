namespace Platform.Engine.Strategies.BuiltIn;

internal static class CrossRules
{
    /// <summary>Requires <paramref name="lower"/> &lt; <paramref name="upper"/>, reporting the error on the upper field.</summary>
    public static Func<StrategyParameters, (string Field, string Message)?> Ordered(string lower, string upper) =>
        p => p.Number(lower) < p.Number(upper)
            ? null
            : (upper, $"must be greater than {lower} ({p.Values[lower]})");
}
