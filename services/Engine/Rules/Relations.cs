using Platform.Engine.Indicators;

namespace Platform.Engine.Rules;

/// <summary>
/// Comparisons and crossings of two operands over every bar. Each shape (series with series, series with a constant) is
/// a loop of its own, specialised per relation by the JIT, so a rule costs about what a hand-written strategy does.
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
        for (var i = 0; i < mask.Length; i++)
        {
            mask[i] = T.Holds(x[i], y[i]) ? (byte)1 : (byte)0;
        }
    }

    private static void Against<T>(ReadOnlySpan<double> x, double c, Span<byte> mask)
        where T : IRelation
    {
        for (var i = 0; i < mask.Length; i++)
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
        for (var i = 1; i < mask.Length; i++)
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
        for (var i = 1; i < mask.Length; i++)
        {
            mask[i] = TNow.Holds(x[i], c) && TBefore.Holds(x[i - 1], c) ? (byte)1 : (byte)0;
        }
    }

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

    private interface IRelation
    {
        static abstract bool Holds(double a, double b);
    }

    private readonly struct Greater : IRelation
    {
        public static bool Holds(double a, double b) => a > b;
    }

    private readonly struct Less : IRelation
    {
        public static bool Holds(double a, double b) => a < b;
    }

    private readonly struct GreaterOrEqual : IRelation
    {
        public static bool Holds(double a, double b) => a >= b;
    }

    private readonly struct LessOrEqual : IRelation
    {
        public static bool Holds(double a, double b) => a <= b;
    }
}
