using Platform.Engine.Data;
using Platform.Optimizations.Objectives;

namespace Platform.Optimizations.WalkForward;

/// <summary>
/// The run's configuration (the contract's fields first; docs/api-behaviour.md, 3.9). Window lengths in days are the
/// sizes themselves in days mode and the nominal length of that many bars in bars mode; anchored in-sample windows
/// grow, <see cref="IsWindowDays"/> is the first one's.
/// </summary>
internal sealed record WalkForwardConfig(
    double IsWindowDays,
    double OosWindowDays,
    double StepDays,
    string Metric,
    int TotalWindows,
    int SuccessfulWindows,
    string Unit,
    string Mode,
    int TrainSize,
    int TestSize,
    int StepSize,
    string Direction)
{
    public static WalkForwardConfig Create(WalkForwardPlan plan, Objective objective, int successfulWindows)
    {
        var settings = plan.Settings;
        var daysPerUnit = settings.Unit == WindowUnit.Days ? 1 : plan.Interval.Minutes * Interval.MinuteMs / (double)Interval.DayMs;
        return new WalkForwardConfig(
            settings.TrainSize * daysPerUnit,
            settings.TestSize * daysPerUnit,
            settings.StepSize * daysPerUnit,
            objective.Metric,
            plan.Windows.Count,
            successfulWindows,
            settings.UnitName,
            settings.ModeName,
            settings.TrainSize,
            settings.TestSize,
            settings.StepSize,
            objective.Maximize ? "maximize" : "minimize");
    }
}
