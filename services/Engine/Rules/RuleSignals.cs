using System.Buffers;
using Platform.Engine.Indicators;
using Platform.Engine.Strategies;

namespace Platform.Engine.Rules;

/// <summary>
/// Writes a bound rule program's signals: each distinct condition is evaluated once over the whole series and sets the
/// signal bits of every rule that uses it (a crossover's <c>enter_long</c> and <c>exit_short</c> are one evaluation).
/// </summary>
internal sealed class RuleSignals((ConditionPlan Condition, byte Bits)[] groups) : ISignalSource
{
    public void Write(IndicatorCache indicators, Span<byte> signals)
    {
        signals.Clear();
        var rented = ArrayPool<byte>.Shared.Rent(signals.Length);
        try
        {
            var mask = rented.AsSpan(0, signals.Length);
            foreach (var (condition, bits) in groups)
            {
                condition.Evaluate(indicators, mask);
                Masks.SetBits(signals, mask, bits);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
