namespace Platform.Optimizations.WalkForward;

/// <summary>
/// A finished walk-forward run. <see cref="Windows"/>, <see cref="Summary"/> and <see cref="Config"/> are the contract's document
/// (docs/api-behaviour.md, 3.9); the rest are additions. Serialized with the snake_case naming policy every key is the contract's.
/// </summary>
internal sealed record WalkForwardResult(
    IReadOnlyList<WalkForwardWindow> Windows,
    WalkForwardSummary Summary,
    WalkForwardConfig Config,
    IReadOnlyList<SkippedWindow> SkippedWindows,
    double? WalkForwardEfficiency,
    IReadOnlyDictionary<string, ParameterStability> ParameterStability,
    OverfittingVerdict Overfitting,
    IReadOnlyList<EquityPoint> OosEquityCurve);
