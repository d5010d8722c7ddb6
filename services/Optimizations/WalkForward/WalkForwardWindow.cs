namespace Platform.Optimizations.WalkForward;

/// <summary>
/// One evaluated window (the contract's fields first; docs/api-behaviour.md, 3.9). <see cref="IsScore"/> is the
/// objective's score of the best combination in-sample; <see cref="OosScore"/> the objective's metric out-of-sample,
/// constraints not applied (null when undefined). Annualized returns and <see cref="Efficiency"/> are explained in
/// <see cref="WalkForwardEfficiency"/>.
/// </summary>
internal sealed record WalkForwardWindow(
    int WindowId,
    DateTimeOffset IsStart,
    DateTimeOffset IsEnd,
    DateTimeOffset OosStart,
    DateTimeOffset OosEnd,
    IReadOnlyDictionary<string, object> BestParams,
    WindowMetrics IsMetrics,
    WindowMetrics OosMetrics,
    string Strategy,
    double IsScore,
    double? OosScore,
    int IsBars,
    int OosBars,
    double IsAnnualizedReturn,
    double OosAnnualizedReturn,
    double? Efficiency);
