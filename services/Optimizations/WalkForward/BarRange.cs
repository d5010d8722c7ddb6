namespace Platform.Optimizations.WalkForward;

/// <summary>The bars [<see cref="Start"/>, <see cref="End"/>) of a candle series.</summary>
internal readonly record struct BarRange(int Start, int End)
{
    public int Count => End - Start;
}
