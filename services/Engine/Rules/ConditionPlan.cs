using System.Buffers;
using Platform.Engine.Indicators;

namespace Platform.Engine.Rules;

/// <summary>
/// A bound condition, evaluated over the whole series at once into a mask of 0/1 per bar. Whatever is undefined at a bar
/// (an indicator's warm-up, a value before the first bar) compares false there.
/// </summary>
internal abstract class ConditionPlan(string key)
{
    /// <summary>Canonical text: rules with equal keys are evaluated once.</summary>
    public string Key { get; } = key;

    public abstract void Evaluate(IndicatorCache cache, Span<byte> mask);
}

internal sealed class ComparisonPlan(OperandPlan left, ComparisonKind kind, OperandPlan right)
    : ConditionPlan($"({left.Key} {kind} {right.Key})")
{
    public override void Evaluate(IndicatorCache cache, Span<byte> mask) =>
        Relations.Evaluate(left, kind, right, cache, mask);
}

/// <summary>The value rose (fell) from each bar to the next over the last <c>bars</c> bars.</summary>
internal sealed class TrendPlan(OperandPlan value, bool rising, int bars)
    : ConditionPlan($"({value.Key} {(rising ? "rising" : "falling")} {bars})")
{
    public override void Evaluate(IndicatorCache cache, Span<byte> mask)
    {
        var values = value.Values(cache);
        if (values is null)
        {
            mask.Clear();
            return;
        }
        var lag = value.Lag;
        var run = 0;
        for (var i = 0; i < mask.Length; i++)
        {
            var at = i - lag;
            var moved = at >= 1 && (rising ? values[at] > values[at - 1] : values[at] < values[at - 1]);
            run = moved ? run + 1 : 0;
            mask[i] = run >= bars ? (byte)1 : (byte)0;
        }
    }
}

internal sealed class AllPlan(IReadOnlyList<ConditionPlan> items) : ConditionPlan($"all[{string.Join(',', items.Select(i => i.Key))}]")
{
    public override void Evaluate(IndicatorCache cache, Span<byte> mask) => Combine(items, cache, mask, and: true);

    /// <summary>Evaluates the first item into the mask and folds the others in with AND or OR.</summary>
    public static void Combine(IReadOnlyList<ConditionPlan> items, IndicatorCache cache, Span<byte> mask, bool and)
    {
        items[0].Evaluate(cache, mask);
        if (items.Count == 1)
        {
            return;
        }
        var rented = ArrayPool<byte>.Shared.Rent(mask.Length);
        try
        {
            var other = rented.AsSpan(0, mask.Length);
            for (var item = 1; item < items.Count; item++)
            {
                items[item].Evaluate(cache, other);
                if (and)
                {
                    Masks.And(mask, other);
                }
                else
                {
                    Masks.Or(mask, other);
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}

internal sealed class AnyPlan(IReadOnlyList<ConditionPlan> items) : ConditionPlan($"any[{string.Join(',', items.Select(i => i.Key))}]")
{
    public override void Evaluate(IndicatorCache cache, Span<byte> mask) => AllPlan.Combine(items, cache, mask, and: false);
}

internal sealed class NotPlan(ConditionPlan item) : ConditionPlan($"not[{item.Key}]")
{
    public override void Evaluate(IndicatorCache cache, Span<byte> mask)
    {
        item.Evaluate(cache, mask);
        Masks.Invert(mask);
    }
}
