using System.Runtime.CompilerServices;

namespace Platform.Engine.Tests.Support;

/// <summary>Compares tuples of doubles element by element within a relative tolerance of 1e-9.</summary>
internal sealed class TupleTolerance : IEqualityComparer<ITuple>
{
    private static readonly Tolerance Element = new(1e-9);

    public bool Equals(ITuple? x, ITuple? y) =>
        x is not null && y is not null && x.Length == y.Length
        && Enumerable.Range(0, x.Length).All(i => Element.Equals((double)x[i]!, (double)y[i]!));

    public int GetHashCode(ITuple obj) => 0;
}
