namespace Platform.Optimizations.WalkForward;

/// <summary>
/// How the in-sample window moves: <see cref="Rolling"/> slides it by the step (the contract's behaviour; docs/api-behaviour.md, 3.9);
/// <see cref="Anchored"/> keeps it starting at the first candle, so it grows by the step each window.
/// </summary>
internal enum WindowMode
{
    Rolling,
    Anchored,
}
