using Platform.Engine.Data;
using Platform.MarketData.WorkingSets;

namespace Platform.MarketData.Tests.WorkingSets;

public sealed class AggregationKeepsOnlyCompleteWindows
{
    // Monday 2024-01-01 00:00 UTC, in epoch seconds.
    private const long Monday = 1_704_067_200;
    private const long Quarter = 900;
    private const long Day = 86_400;

    private static readonly Interval M15 = Interval.Parse("15");
    private static readonly Interval H1 = Interval.Parse("60");

    [Fact]
    public void AnHourTakesFirstOpenHighestHighLowestLowLastCloseAndSummedVolume()
    {
        WorkingSetCandle[] quarters =
        [
            new(Monday, 10, 12, 9, 11, 1),
            new(Monday + Quarter, 11, 15, 10, 14, 2),
            new(Monday + 2 * Quarter, 14, 14, 8, 9, 3),
            new(Monday + 3 * Quarter, 9, 10, 7, 10, 4),
            new(Monday + 4 * Quarter, 10, 11, 9.5, 10.5, 0.5),
            new(Monday + 5 * Quarter, 10.5, 13, 10, 12, 1.5),
            new(Monday + 6 * Quarter, 12, 12.5, 11, 11.5, 2),
            new(Monday + 7 * Quarter, 11.5, 12, 6, 7, 3),
        ];

        var hours = WorkingSetAggregator.Aggregate(quarters, M15, H1, includePartial: false);

        Assert.Equal(
            [new WorkingSetCandle(Monday, 10, 15, 7, 10, 10), new WorkingSetCandle(Monday + 3600, 10, 13, 6, 7, 7)],
            hours);
    }

    [Fact]
    public void WindowsEnteredMidwayWithAGapOrStillOpenAreLeftOut()
    {
        var quarters = Quarters(2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 13);

        var hours = WorkingSetAggregator.Aggregate(quarters, M15, H1, includePartial: false);

        Assert.Equal([Monday + 3600], hours.Select(candle => candle.Time));
    }

    [Fact]
    public void IncludePartialReturnsEveryWindowTheBaseTouches()
    {
        var quarters = Quarters(2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 13);

        var hours = WorkingSetAggregator.Aggregate(quarters, M15, H1, includePartial: true);

        Assert.Equal([Monday, Monday + 3600, Monday + 7200, Monday + 10800], hours.Select(candle => candle.Time));
        Assert.Equal(new WorkingSetCandle(Monday + 10800, 12, 14, 11, 13.5, 2), hours[^1]);
    }

    [Fact]
    public void WeeksOfDaysStartOnMonday()
    {
        // Wednesday 3 January to Tuesday 16 January: only the week of Monday 8 January is complete.
        WorkingSetCandle[] days = [.. Enumerable.Range(2, 14).Select(day => new WorkingSetCandle(Monday + day * Day, day, day + 1, day - 1, day, 1))];

        var weeks = WorkingSetAggregator.Aggregate(days, Interval.Parse("D"), Interval.Parse("W"), includePartial: false);

        Assert.Equal([new WorkingSetCandle(Monday + 7 * Day, 7, 14, 6, 13, 7)], weeks);
    }

    [Fact]
    public void AnIntervalThatDoesNotNestTheBaseIsRefused() =>
        Assert.Throws<ArgumentException>(() =>
            WorkingSetAggregator.Aggregate([], Interval.Parse("3"), Interval.Parse("5"), includePartial: false));

    // Quarter k opens at Monday + k × 15 min; its prices are k-based so every window's result is easy to work out.
    private static WorkingSetCandle[] Quarters(params int[] indexes) =>
        [.. indexes.Select(k => new WorkingSetCandle(Monday + k * Quarter, k, k + 1, k - 1, k + 0.5, 1))];
}
