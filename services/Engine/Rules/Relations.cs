using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Platform.Engine.Indicators;

namespace Platform.Engine.Rules;

/// <summary>
/// Comparisons and crossings of two operands over every bar. Each shape (series with series, series with a constant) is
/// a loop of its own, specialised per relation by the JIT and eight bars at a time where the machine has 256-bit vectors, so a
/// rule costs about what a hand-written strategy does.
/// A cross above is <c>a[i] &gt; b[i]</c> after <c>a[i−1] &lt;= b[i−1]</c>, as the built-in strategies always defined it.
/// </summary>
internal static class Relations
{
    public static void Evaluate(OperandPlan left, ComparisonKind kind, OperandPlan right, IndicatorCache cache, Span<byte> mask)
    {
        var a = left.Values(cache);
        var b = right.Values(cache);
        if (a is null && b is null)
        {
            var holds = kind is not (ComparisonKind.CrossesAbove or ComparisonKind.CrossesBelow) && Holds(kind, left.Constant, right.Constant);
            mask.Fill(holds ? (byte)1 : (byte)0);
            return;
        }
        if (a is null)
        {
            // c > s is s < c: the series goes on the left and the relation is mirrored.
            (left, right, a, b, kind) = (right, left, b, null, Mirror(kind));
        }
        if (b is null)
        {
            WithConstant(a!, left.Lag, kind, right.Constant, mask);
        }
        else
        {
            WithSeries(a!, left.Lag, kind, b, right.Lag, mask);
        }
    }

    private static void WithSeries(double[] a, int lagA, ComparisonKind kind, double[] b, int lagB, Span<byte> mask)
    {
        var start = Math.Max(lagA, lagB);
        if (start >= mask.Length)
        {
            mask.Clear();
            return;
        }
        mask[..start].Clear();
        var x = a.AsSpan(start - lagA, mask.Length - start);
        var y = b.AsSpan(start - lagB, mask.Length - start);
        var m = mask[start..];
        switch (kind)
        {
            case ComparisonKind.Greater: Pairwise<Greater>(x, y, m); break;
            case ComparisonKind.Less: Pairwise<Less>(x, y, m); break;
            case ComparisonKind.GreaterOrEqual: Pairwise<GreaterOrEqual>(x, y, m); break;
            case ComparisonKind.LessOrEqual: Pairwise<LessOrEqual>(x, y, m); break;
            case ComparisonKind.CrossesAbove: Crossing<Greater, LessOrEqual>(x, y, m); break;
            default: Crossing<Less, GreaterOrEqual>(x, y, m); break;
        }
    }

    private static void WithConstant(double[] a, int lag, ComparisonKind kind, double c, Span<byte> mask)
    {
        var start = Math.Min(lag, mask.Length);
        mask[..start].Clear();
        var x = a.AsSpan(0, mask.Length - start);
        var m = mask[start..];
        switch (kind)
        {
            case ComparisonKind.Greater: Against<Greater>(x, c, m); break;
            case ComparisonKind.Less: Against<Less>(x, c, m); break;
            case ComparisonKind.GreaterOrEqual: Against<GreaterOrEqual>(x, c, m); break;
            case ComparisonKind.LessOrEqual: Against<LessOrEqual>(x, c, m); break;
            case ComparisonKind.CrossesAbove: CrossingConstant<Greater, LessOrEqual>(x, c, m); break;
            default: CrossingConstant<Less, GreaterOrEqual>(x, c, m); break;
        }
    }

    private static void Pairwise<T>(ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<byte> mask)
        where T : IRelation
    {
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; i <= mask.Length - 8; i += 8)
            {
                Masks.Write(mask, i, T.Holds(Load(x, i), Load(y, i)), T.Holds(Load(x, i + 4), Load(y, i + 4)));
            }
        }
        for (; i < mask.Length; i++)
        {
            mask[i] = T.Holds(x[i], y[i]) ? (byte)1 : (byte)0;
        }
    }

    private static void Against<T>(ReadOnlySpan<double> x, double c, Span<byte> mask)
        where T : IRelation
    {
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var constant = Vector256.Create(c);
            for (; i <= mask.Length - 8; i += 8)
            {
                Masks.Write(mask, i, T.Holds(Load(x, i), constant), T.Holds(Load(x, i + 4), constant));
            }
        }
        for (; i < mask.Length; i++)
        {
            mask[i] = T.Holds(x[i], c) ? (byte)1 : (byte)0;
        }
    }

    private static void Crossing<TNow, TBefore>(ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<byte> mask)
        where TNow : IRelation
        where TBefore : IRelation
    {
        if (mask.IsEmpty)
        {
            return;
        }
        mask[0] = 0;
        var i = 1;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; i <= mask.Length - 8; i += 8)
            {
                Masks.Write(
                    mask,
                    i,
                    TNow.Holds(Load(x, i), Load(y, i)) & TBefore.Holds(Load(x, i - 1), Load(y, i - 1)),
                    TNow.Holds(Load(x, i + 4), Load(y, i + 4)) & TBefore.Holds(Load(x, i + 3), Load(y, i + 3)));
            }
        }
        for (; i < mask.Length; i++)
        {
            mask[i] = TNow.Holds(x[i], y[i]) && TBefore.Holds(x[i - 1], y[i - 1]) ? (byte)1 : (byte)0;
        }
    }

    private static void CrossingConstant<TNow, TBefore>(ReadOnlySpan<double> x, double c, Span<byte> mask)
        where TNow : IRelation
        where TBefore : IRelation
    {
        if (mask.IsEmpty)
        {
            return;
        }
        mask[0] = 0;
        var i = 1;
        if (Vector256.IsHardwareAccelerated)
        {
            var constant = Vector256.Create(c);
            for (; i <= mask.Length - 8; i += 8)
            {
                Masks.Write(
                    mask,
                    i,
                    TNow.Holds(Load(x, i), constant) & TBefore.Holds(Load(x, i - 1), constant),
                    TNow.Holds(Load(x, i + 4), constant) & TBefore.Holds(Load(x, i + 3), constant));
            }
        }
        for (; i < mask.Length; i++)
        {
            mask[i] = TNow.Holds(x[i], c) && TBefore.Holds(x[i - 1], c) ? (byte)1 : (byte)0;
        }
    }

    /// <summary>Four values from <paramref name="index"/>; the callers' loops keep every load inside the span.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Load(ReadOnlySpan<double> values, int index) =>
        Vector256.LoadUnsafe(ref MemoryMarshal.GetReference(values), (nuint)index);

    private static bool Holds(ComparisonKind kind, double a, double b) => kind switch
    {
        ComparisonKind.Greater => a > b,
        ComparisonKind.Less => a < b,
        ComparisonKind.GreaterOrEqual => a >= b,
        _ => a <= b,
    };

    private static ComparisonKind Mirror(ComparisonKind kind) => kind switch
    {
        ComparisonKind.Greater => ComparisonKind.Less,
        ComparisonKind.Less => ComparisonKind.Greater,
        ComparisonKind.GreaterOrEqual => ComparisonKind.LessOrEqual,
        ComparisonKind.LessOrEqual => ComparisonKind.GreaterOrEqual,
        ComparisonKind.CrossesAbove => ComparisonKind.CrossesBelow,
        _ => ComparisonKind.CrossesAbove,
    };

    /// <summary>A comparison, on two numbers and on four pairs at once; both are false where either side is NaN, as C#'s operators are.</summary>
    private interface IRelation
    {
        static abstract bool Holds(double a, double b);

        static abstract Vector256<double> Holds(Vector256<double> a, Vector256<double> b);
    }

    private readonly struct Greater : IRelation
    {
        public static bool Holds(double a, double b) => a > b;

        public static Vector256<double> Holds(Vector256<double> a, Vector256<double> b) => Vector256.GreaterThan(a, b);
    }

    private readonly struct Less : IRelation
    {
        public static bool Holds(double a, double b) => a < b;

        public static Vector256<double> Holds(Vector256<double> a, Vector256<double> b) => Vector256.LessThan(a, b);
    }

    private readonly struct GreaterOrEqual : IRelation
    {
        public static bool Holds(double a, double b) => a >= b;

        public static Vector256<double> Holds(Vector256<double> a, Vector256<double> b) => Vector256.GreaterThanOrEqual(a, b);
    }

    private readonly struct LessOrEqual : IRelation
    {
        public static bool Holds(double a, double b) => a <= b;

        public static Vector256<double> Holds(Vector256<double> a, Vector256<double> b) => Vector256.LessThanOrEqual(a, b);
    }
}
