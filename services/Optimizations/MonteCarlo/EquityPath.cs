using System.Runtime.CompilerServices;

namespace Platform.Optimizations.MonteCarlo;

/// <summary>
/// Follows one equity path through growth factors (1 + return, floored at 0 so a loss of 100 % or more leaves the
/// equity at 0 for good), from equity 1. Reports the total return and the largest fall from the running peak (the
/// start included), both in percent; the drawdown is therefore between 0 and 100. A path given checkpoints (trade counts,
/// ascending) writes its return in percent after each of them into <c>record</c>, for the percentile bands of the paths.
/// </summary>
internal static class EquityPath
{
    /// <summary>The trades in the given order.</summary>
    public static (double ReturnPct, double DrawdownPct) Follow(ReadOnlySpan<double> growth)
    {
        double equity = 1, peak = 1, trough = 1;
        foreach (var factor in growth)
        {
            Step(factor, ref equity, ref peak, ref trough);
        }
        return Measure(equity, trough);
    }

    /// <summary><paramref name="length"/> trades drawn with replacement.</summary>
    public static (double ReturnPct, double DrawdownPct) Bootstrap(
        ReadOnlySpan<double> growth, int length, Random random, ReadOnlySpan<int> checkpoints = default, Span<double> record = default)
    {
        double equity = 1, peak = 1, trough = 1;
        var next = 0;
        for (var i = 0; i < length; i++)
        {
            Step(growth[random.Next(growth.Length)], ref equity, ref peak, ref trough);
            Record(i + 1, equity, checkpoints, record, ref next);
        }
        return Measure(equity, trough);
    }

    /// <summary>
    /// <paramref name="length"/> distinct trades in random order: a partial Fisher–Yates shuffle of
    /// <paramref name="buffer"/> in place, uniform whatever order the buffer holds on entry.
    /// </summary>
    public static (double ReturnPct, double DrawdownPct) Permutation(
        Span<double> buffer, int length, Random random, ReadOnlySpan<int> checkpoints = default, Span<double> record = default)
    {
        double equity = 1, peak = 1, trough = 1;
        var next = 0;
        for (var i = 0; i < length; i++)
        {
            var pick = i + random.Next(buffer.Length - i);
            (buffer[i], buffer[pick]) = (buffer[pick], buffer[i]);
            Step(buffer[i], ref equity, ref peak, ref trough);
            Record(i + 1, equity, checkpoints, record, ref next);
        }
        return Measure(equity, trough);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Record(int trades, double equity, ReadOnlySpan<int> checkpoints, Span<double> record, ref int next)
    {
        if (next < record.Length && checkpoints[next] == trades)
        {
            record[next++] = (equity - 1) * 100;
        }
    }

    /// <summary><paramref name="trough"/> is the lowest equity / running peak seen; comparing by product avoids a division per trade.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Step(double factor, ref double equity, ref double peak, ref double trough)
    {
        equity *= factor;
        if (equity > peak)
        {
            peak = equity;
        }
        else if (equity < peak * trough)
        {
            trough = equity / peak;
        }
    }

    private static (double, double) Measure(double equity, double trough) => ((equity - 1) * 100, (1 - trough) * 100);
}
