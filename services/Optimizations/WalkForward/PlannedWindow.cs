namespace Platform.Optimizations.WalkForward;

/// <summary>
/// One window of a plan: in-sample [<see cref="IsStartMs"/>, <see cref="IsEndMs"/>), then out-of-sample
/// [<see cref="OosStartMs"/>, <see cref="OosEndMs"/>), UTC milliseconds, and the bars inside each. <see cref="Index"/> counts from 0.
/// </summary>
internal sealed record PlannedWindow(
    int Index,
    long IsStartMs,
    long IsEndMs,
    long OosStartMs,
    long OosEndMs,
    BarRange IsBars,
    BarRange OosBars);
