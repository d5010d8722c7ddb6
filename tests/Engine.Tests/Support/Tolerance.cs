namespace Platform.Engine.Tests.Support;

/// <summary>Compares doubles within a relative tolerance.</summary>
internal sealed class Tolerance(double relative) : IEqualityComparer<double>
{
    public bool Equals(double x, double y) => Math.Abs(x - y) <= relative * Math.Max(1, Math.Max(Math.Abs(x), Math.Abs(y)));

    public int GetHashCode(double obj) => 0;
}
