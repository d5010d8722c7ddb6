namespace Platform.Optimizations.WalkForward;

/// <summary>
/// How walk-forward windows are cut: <see cref="TrainSize"/> in-sample, <see cref="TestSize"/> out-of-sample, shifted
/// by <see cref="StepSize"/>, all counted in <see cref="Unit"/>. Defaults are the contract's (120, 60 and 30 days,
/// rolling; docs/api-behaviour.md, 3.8).
/// </summary>
internal sealed record WindowSettings(
    int TrainSize = WindowSettings.DefaultTrainSize,
    int TestSize = WindowSettings.DefaultTestSize,
    int StepSize = WindowSettings.DefaultStepSize,
    WindowUnit Unit = WindowUnit.Days,
    WindowMode Mode = WindowMode.Rolling)
{
    public const int DefaultTrainSize = 120;
    public const int DefaultTestSize = 60;
    public const int DefaultStepSize = 30;

    public string UnitName => Unit == WindowUnit.Bars ? "bars" : "days";

    public string ModeName => Mode == WindowMode.Anchored ? "anchored" : "rolling";

    /// <summary>
    /// The settings of a request's fields, or null with errors keyed by field name. Missing sizes take the contract's
    /// defaults; <paramref name="unit"/> is <c>days</c> (default) or <c>bars</c>, <paramref name="mode"/> <c>rolling</c> (default) or <c>anchored</c>.
    /// </summary>
    public static WindowSettings? Parse(int? trainSize, int? testSize, int? stepSize, string? unit, string? mode, Dictionary<string, string[]> errors)
    {
        var parsedUnit = unit is null || unit.Equals("days", StringComparison.OrdinalIgnoreCase) ? WindowUnit.Days
            : unit.Equals("bars", StringComparison.OrdinalIgnoreCase) ? WindowUnit.Bars
            : (WindowUnit?)null;
        var parsedMode = mode is null || mode.Equals("rolling", StringComparison.OrdinalIgnoreCase) ? WindowMode.Rolling
            : mode.Equals("anchored", StringComparison.OrdinalIgnoreCase) ? WindowMode.Anchored
            : (WindowMode?)null;
        if (parsedUnit is null)
        {
            errors["unit"] = [$"must be days or bars (got '{unit}')."];
        }
        if (parsedMode is null)
        {
            errors["mode"] = [$"must be rolling or anchored (got '{mode}')."];
        }
        var settings = new WindowSettings(
            trainSize ?? DefaultTrainSize, testSize ?? DefaultTestSize, stepSize ?? DefaultStepSize, parsedUnit ?? WindowUnit.Days, parsedMode ?? WindowMode.Rolling);
        return settings.Validate(errors) && parsedUnit is not null && parsedMode is not null ? settings : null;
    }

    /// <summary>
    /// Adds an error per size that is not positive (the contract accepted 0 and negatives; docs/api-behaviour.md, 3.8);
    /// true when all are.
    /// </summary>
    public bool Validate(Dictionary<string, string[]> errors)
    {
        var valid = true;
        foreach (var (field, size) in (ReadOnlySpan<(string, int)>)[("train_size", TrainSize), ("test_size", TestSize), ("step_size", StepSize)])
        {
            if (size <= 0)
            {
                errors[field] = [$"must be greater than 0 (got {size})."];
                valid = false;
            }
        }
        return valid;
    }
}
