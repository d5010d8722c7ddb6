using Platform.Engine.Data;
using Platform.Optimizations.WalkForward;

namespace Platform.Optimizations.Tests.WalkForward;

public sealed class PlanRejectsBadSizesWithTheNumbers
{
    [Fact]
    public void MissingFieldsTakeTheContractDefaults()
    {
        var errors = new Dictionary<string, string[]>();

        var settings = WindowSettings.Parse(null, null, null, null, null, errors);

        Assert.Empty(errors);
        Assert.Equal(new WindowSettings(120, 60, 30, WindowUnit.Days, WindowMode.Rolling), settings);
    }

    [Fact]
    public void SizesMustBePositive()
    {
        var errors = new Dictionary<string, string[]>();

        var settings = WindowSettings.Parse(0, -5, 30, "bars", "anchored", errors);

        Assert.Null(settings);
        Assert.Equal(["test_size", "train_size"], errors.Keys.Order());
        Assert.Equal(["must be greater than 0 (got 0)."], errors["train_size"]);
        Assert.Equal(["must be greater than 0 (got -5)."], errors["test_size"]);
    }

    [Fact]
    public void UnitAndModeMustBeKnown()
    {
        var errors = new Dictionary<string, string[]>();

        var settings = WindowSettings.Parse(10, 5, 5, "weeks", "expanding", errors);

        Assert.Null(settings);
        Assert.Equal(["must be days or bars (got 'weeks')."], errors["unit"]);
        Assert.Equal(["must be rolling or anchored (got 'expanding')."], errors["mode"]);
    }

    [Fact]
    public void CreateChecksSizesItself()
    {
        var errors = new Dictionary<string, string[]>();

        var plan = WalkForwardPlan.Create(SyntheticCandles.Hourly(10), new WindowSettings(4, 2, 0), errors);

        Assert.Null(plan);
        Assert.Equal(["must be greater than 0 (got 0)."], errors["step_size"]);
    }

    [Fact]
    public void TooFewDaysNamesTheDataAndWhatOneWindowNeeds()
    {
        var errors = new Dictionary<string, string[]>();

        var plan = WalkForwardPlan.Create(SyntheticCandles.Daily(90), new WindowSettings(), errors);

        Assert.Null(plan);
        Assert.Equal(
            ["the data holds 90 days (2024-01-01 to 2024-03-31); one window needs train 120 + test 60 = 180 days"],
            errors["train_size"]);
    }

    [Fact]
    public void TooFewBarsNamesTheBarCount()
    {
        var errors = new Dictionary<string, string[]>();

        var plan = WalkForwardPlan.Create(SyntheticCandles.Hourly(1), new WindowSettings(20, 10, 5, WindowUnit.Bars), errors);

        Assert.Null(plan);
        Assert.Equal(
            ["the data holds 24 bars (2024-01-01 to 2024-01-02); one window needs train 20 + test 10 = 30 bars"],
            errors["train_size"]);
    }

    [Fact]
    public void ExactlyOneWindowOfDataIsEnough()
    {
        var errors = new Dictionary<string, string[]>();

        var plan = WalkForwardPlan.Create(SyntheticCandles.Hourly(6), new WindowSettings(4, 2, 2), errors);

        Assert.Empty(errors);
        Assert.Single(plan!.Windows);
    }

    [Fact]
    public void ThePeriodCanBeCheckedBeforeTheCandlesAreLoaded()
    {
        var errors = new Dictionary<string, string[]>();

        var fits = WalkForwardPlan.CheckPeriod(
            new WindowSettings(), Interval.Parse("60"), SyntheticCandles.Start, new DateTimeOffset(2024, 3, 31, 0, 0, 0, TimeSpan.Zero), errors);

        Assert.False(fits);
        Assert.Equal(
            ["the data holds 90 days (2024-01-01 to 2024-03-31); one window needs train 120 + test 60 = 180 days"],
            errors["train_size"]);
    }

    [Fact]
    public void ThePeriodCheckCountsTheBarsThatOpenInsideIt()
    {
        var errors = new Dictionary<string, string[]>();
        var start = SyntheticCandles.Start.AddMinutes(30);

        var fits = WalkForwardPlan.CheckPeriod(
            new WindowSettings(20, 4, 1, WindowUnit.Bars), Interval.Parse("60"), start, SyntheticCandles.Start.AddDays(1), errors);

        Assert.False(fits);
        Assert.Equal(
            ["the data holds 23 bars (2024-01-01 00:30 to 2024-01-02); one window needs train 20 + test 4 = 24 bars"],
            errors["train_size"]);
        Assert.True(WalkForwardPlan.CheckPeriod(new WindowSettings(20, 3, 1, WindowUnit.Bars), Interval.Parse("60"), start, SyntheticCandles.Start.AddDays(1), []));
    }
}
