using Platform.Engine.Data;

namespace Platform.Engine.Tests.Data;

public sealed class IntervalFollowsBybitCodesAndUtcCalendar
{
    private static long Utc(int year, int month, int day, int hour = 0, int minute = 0) =>
        new DateTimeOffset(year, month, day, hour, minute, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

    [Fact]
    public void ParsesExactlyTheThirteenBybitCodes()
    {
        Assert.Equal(["1", "3", "5", "15", "30", "60", "120", "240", "360", "720", "D", "W", "M"], Interval.All.Select(i => i.Code));
        Assert.Equal([1, 3, 5, 15, 30, 60, 120, 240, 360, 720, 1440, 10080, 43200], Interval.All.Select(i => i.Minutes));
    }

    [Theory]
    [InlineData("4h")]
    [InlineData("2")]
    [InlineData("d")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("1M")]
    public void RejectsAnythingElse(string? code)
    {
        Assert.False(Interval.TryParse(code, out var interval));
        Assert.Equal(default, interval);
        Assert.Equal($"invalid timeframe '{code}'", Assert.Throws<FormatException>(() => Interval.Parse(code!)).Message);
    }

    [Theory]
    [InlineData("1", IntervalUnit.Minute)]
    [InlineData("720", IntervalUnit.Minute)]
    [InlineData("D", IntervalUnit.Day)]
    [InlineData("W", IntervalUnit.Week)]
    [InlineData("M", IntervalUnit.Month)]
    public void KnowsItsUnit(string code, IntervalUnit unit) => Assert.Equal(unit, Interval.Parse(code).Unit);

    [Fact]
    public void MinuteIntervalsAlignToMultiplesSinceTheEpoch()
    {
        var fourHours = Interval.Parse("240");
        Assert.Equal(Utc(2024, 3, 5, 8), fourHours.Floor(Utc(2024, 3, 5, 11, 59)));
        Assert.Equal(Utc(2024, 3, 5, 12), fourHours.Next(Utc(2024, 3, 5, 8)));
        Assert.True(fourHours.IsAligned(Utc(2024, 3, 5, 8)));
        Assert.False(fourHours.IsAligned(Utc(2024, 3, 5, 9)));
        Assert.Equal(Utc(2024, 3, 6), Interval.Parse("D").Next(Utc(2024, 3, 5)));
        Assert.Equal(Utc(2024, 3, 5), Interval.Parse("D").Floor(Utc(2024, 3, 5, 23, 59)));
    }

    [Fact]
    public void WeeksStartOnMondayMidnightUtc()
    {
        var week = Interval.Parse("W");
        Assert.Equal(Utc(2024, 1, 1), week.Floor(Utc(2024, 1, 7, 23, 59)));
        Assert.Equal(Utc(2024, 1, 8), week.Floor(Utc(2024, 1, 8)));
        Assert.Equal(Utc(2024, 1, 8), week.Next(Utc(2024, 1, 1)));
        Assert.Equal(Utc(1969, 12, 29), week.Floor(0));
        Assert.Equal(DayOfWeek.Monday, DateTimeOffset.FromUnixTimeMilliseconds(week.Floor(Utc(2031, 7, 17))).DayOfWeek);
    }

    [Fact]
    public void MonthsStartOnTheFirst()
    {
        var month = Interval.Parse("M");
        Assert.Equal(Utc(2024, 2, 1), month.Floor(Utc(2024, 2, 29, 23, 59)));
        Assert.Equal(Utc(2024, 3, 1), month.Next(Utc(2024, 2, 1)));
        Assert.Equal(Utc(2025, 1, 1), month.Next(Utc(2024, 12, 1)));
        Assert.Equal(Utc(1969, 12, 1), month.Floor(-1));
        Assert.Equal(-1, month.PeriodIndex(-1));
        Assert.Equal(54L * 12 + 1, month.PeriodIndex(Utc(2024, 2, 10)));
    }

    [Fact]
    public void EveryMonthStartsWhereTheCalendarSays()
    {
        var month = Interval.Parse("M");
        for (var year = 1; year <= 9999; year++)
        {
            for (var monthOfYear = 1; monthOfYear <= 12; monthOfYear++)
            {
                Assert.Equal(Utc(year, monthOfYear, 1), month.PeriodStart((year - 1970) * 12L + monthOfYear - 1));
            }
        }
    }

    [Fact]
    public void TheBarAfterDecember9999OpensInTheYear10000()
    {
        var month = Interval.Parse("M");
        var lastMonth = Utc(9999, 12, 1);

        Assert.Equal(lastMonth + 31 * Interval.DayMs, month.Next(lastMonth));
        Assert.Equal(DateTimeOffset.MaxValue.ToUnixTimeMilliseconds() + 1, month.Next(Utc(9999, 12, 31, 23, 59)));
    }

    [Fact]
    public void NegativeTimesFloorDownward()
    {
        var minute = Interval.Parse("1");
        Assert.Equal(-60_000, minute.Floor(-1));
        Assert.Equal(-1, minute.PeriodIndex(-60_000));
        Assert.Equal(-2, minute.PeriodIndex(-60_001));
    }

    [Theory]
    [InlineData("5", "1", true)]
    [InlineData("240", "60", true)]
    [InlineData("360", "240", false)]
    [InlineData("60", "60", false)]
    [InlineData("1", "5", false)]
    [InlineData("D", "720", true)]
    [InlineData("W", "D", true)]
    [InlineData("M", "D", true)]
    [InlineData("M", "W", false)]
    [InlineData("W", "W", false)]
    [InlineData("D", "D", false)]
    [InlineData("60", "D", false)]
    public void NestsOnlyLowerIntervalsThatFitExactly(string higher, string lower, bool nests) =>
        Assert.Equal(nests, Interval.Parse(higher).Nests(Interval.Parse(lower)));

    [Fact]
    public void AnnualizesOverA365DayYear()
    {
        Assert.Equal(525_600, Interval.Parse("1").PeriodsPerYear, 9);
        Assert.Equal(2_190, Interval.Parse("240").PeriodsPerYear, 9);
        Assert.Equal(365, Interval.Parse("D").PeriodsPerYear, 9);
        Assert.Equal(365.0 / 7, Interval.Parse("W").PeriodsPerYear, 9);
        Assert.Equal(12, Interval.Parse("M").PeriodsPerYear, 9);
    }

    [Fact]
    public void PrintsItsCode() => Assert.Equal("240", Interval.Parse("240").ToString());

    [Theory]
    [InlineData("1", 2024, 1, 1, 2024, 1, 2, 1_440)]
    [InlineData("240", 2024, 1, 1, 2024, 1, 2, 6)]
    [InlineData("D", 2024, 2, 1, 2024, 3, 1, 29)]
    // Monday 1 January to Monday 15 January: the weeks opening on the 1st and the 8th.
    [InlineData("W", 2024, 1, 1, 2024, 1, 15, 2)]
    // From the 2nd, the first week opens on Monday the 8th.
    [InlineData("W", 2024, 1, 2, 2024, 1, 16, 2)]
    // Mid-January to April: the months opening on 1 February and 1 March.
    [InlineData("M", 2024, 1, 15, 2024, 4, 1, 2)]
    [InlineData("M", 2024, 1, 1, 2025, 1, 1, 12)]
    [InlineData("D", 2024, 3, 1, 2024, 3, 1, 0)]
    [InlineData("D", 2024, 3, 2, 2024, 3, 1, 0)]
    public void BarsBetweenCountsTheBarsOpeningInTheHalfOpenRange(string code, int y1, int m1, int d1, int y2, int m2, int d2, long expected) =>
        Assert.Equal(expected, Interval.Parse(code).BarsBetween(Utc(y1, m1, d1), Utc(y2, m2, d2)));

    [Fact]
    public void BarsBetweenTheExtremesOfTimeDoNotOverflow()
    {
        var first = DateTimeOffset.MinValue.ToUnixTimeMilliseconds();
        var last = DateTimeOffset.MaxValue.ToUnixTimeMilliseconds();

        // The first instant is midnight, so every minute from it opens a bar; the last minute is a partial one.
        Assert.Equal((last - first + Interval.MinuteMs - 1) / Interval.MinuteMs, Interval.Parse("1").BarsBetween(first, last));
        Assert.Equal(9_999L * 12, Interval.Parse("M").BarsBetween(first, last));
    }
}
