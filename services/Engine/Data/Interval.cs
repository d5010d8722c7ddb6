namespace Platform.Engine.Data;

/// <summary>A Bybit v5 kline interval (docs/api-behaviour.md, 1.4), aligned to UTC calendar boundaries.</summary>
public readonly record struct Interval
{
    public const long MinuteMs = 60_000;
    public const long DayMs = 1_440 * MinuteMs;
    public const long WeekMs = 7 * DayMs;

    // 1970-01-01 was a Thursday; Bybit weeks start on Monday 00:00 UTC, four days later.
    private const long MondayOffsetMs = 4 * DayMs;

    private static readonly string[] Codes = ["1", "3", "5", "15", "30", "60", "120", "240", "360", "720", "D", "W", "M"];

    private Interval(string code, IntervalUnit unit, int minutes)
    {
        Code = code;
        Unit = unit;
        Minutes = minutes;
    }

    public static IReadOnlyList<Interval> All { get; } = Array.ConvertAll(Codes, Parse);

    public string Code { get; }

    public IntervalUnit Unit { get; }

    /// <summary>Nominal length in minutes; a month counts as 43 200 like the original data manager.</summary>
    public int Minutes { get; }

    /// <summary>Bars in a 365-day year (crypto trades every day), used to annualize per-bar statistics.</summary>
    public double PeriodsPerYear => Unit == IntervalUnit.Month ? 12 : 365.0 * DayMs / (Minutes * MinuteMs);

    public static Interval Parse(string code) =>
        TryParse(code, out var interval) ? interval : throw new FormatException($"invalid timeframe '{code}'");

    public static bool TryParse(string? code, out Interval interval)
    {
        interval = code switch
        {
            "D" => new Interval("D", IntervalUnit.Day, 1_440),
            "W" => new Interval("W", IntervalUnit.Week, 10_080),
            "M" => new Interval("M", IntervalUnit.Month, 43_200),
            _ when Array.IndexOf(Codes, code) >= 0 => new Interval(code!, IntervalUnit.Minute, int.Parse(code!, System.Globalization.CultureInfo.InvariantCulture)),
            _ => default,
        };
        return interval.Code is not null;
    }

    /// <summary>Number of whole periods from the epoch to the period containing <paramref name="timeMs"/>.</summary>
    public long PeriodIndex(long timeMs)
    {
        if (Unit != IntervalUnit.Month)
        {
            return Unit == IntervalUnit.Week
                ? FloorDiv(timeMs - MondayOffsetMs, WeekMs)
                : FloorDiv(timeMs, Minutes * MinuteMs);
        }

        var date = DateTimeOffset.FromUnixTimeMilliseconds(timeMs).UtcDateTime;
        return (date.Year - 1970) * 12L + date.Month - 1;
    }

    public long PeriodStart(long index)
    {
        if (Unit != IntervalUnit.Month)
        {
            return Unit == IntervalUnit.Week ? index * WeekMs + MondayOffsetMs : index * Minutes * MinuteMs;
        }

        var year = 1970 + FloorDiv(index, 12);
        var month = (int)(index - (year - 1970) * 12) + 1;
        return DaysToFirstOfMonth(year, month) * DayMs;
    }

    public long Floor(long timeMs) => PeriodStart(PeriodIndex(timeMs));

    /// <summary>Open time of the following bar, which is also the close time of the bar opening at <paramref name="openTimeMs"/>.</summary>
    public long Next(long openTimeMs) => PeriodStart(PeriodIndex(openTimeMs) + 1);

    public bool IsAligned(long timeMs) => Floor(timeMs) == timeMs;

    /// <summary>
    /// Bars opening in [<paramref name="startMs"/>, <paramref name="endMs"/>), counted from period indexes rather than by
    /// dividing milliseconds, so weeks and calendar months count right and any two valid times give a count without overflow.
    /// </summary>
    public long BarsBetween(long startMs, long endMs) => endMs <= startMs ? 0 : FirstIndexFrom(endMs) - FirstIndexFrom(startMs);

    /// <summary>Whether every bar of <paramref name="lower"/> lies inside exactly one bar of this interval.</summary>
    public bool Nests(Interval lower) => (Unit, lower.Unit) switch
    {
        (IntervalUnit.Minute, IntervalUnit.Minute) => Minutes > lower.Minutes && Minutes % lower.Minutes == 0,
        (IntervalUnit.Day or IntervalUnit.Week or IntervalUnit.Month, IntervalUnit.Minute) => true,
        (IntervalUnit.Week or IntervalUnit.Month, IntervalUnit.Day) => true,
        _ => false,
    };

    public override string ToString() => Code;

    /// <summary>
    /// Days from 1970-01-01 to the first of <paramref name="month"/> in the proleptic Gregorian calendar (Howard Hinnant's
    /// days_from_civil). Unlike <see cref="DateTimeOffset"/> it does not stop at the year 9999, so the bar after
    /// December 9999 has an open time too.
    /// </summary>
    private static long DaysToFirstOfMonth(long year, int month)
    {
        // Counted in years that start in March, the leap day is the last day of a year and 400 years are one cycle.
        var marchYear = month <= 2 ? year - 1 : year;
        var era = FloorDiv(marchYear, 400);
        var yearOfEra = marchYear - era * 400;
        var dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5;
        var dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097 + dayOfEra - 719_468;
    }

    /// <summary>Index of the first bar opening at or after <paramref name="timeMs"/>.</summary>
    private long FirstIndexFrom(long timeMs)
    {
        var index = PeriodIndex(timeMs);
        return PeriodStart(index) == timeMs ? index : index + 1;
    }

    private static long FloorDiv(long value, long divisor)
    {
        var quotient = value / divisor;
        return value % divisor < 0 ? quotient - 1 : quotient;
    }
}
