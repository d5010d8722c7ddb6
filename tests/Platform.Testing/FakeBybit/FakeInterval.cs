using System.Globalization;

namespace Platform.Testing.FakeBybit;

/// <summary>
/// Bybit kline intervals worked out on their own (not with the service's Interval type), so the fake checks the client
/// rather than agreeing with it: minutes from the epoch, D at 00:00 UTC, W on Monday 00:00 UTC, M on the 1st (docs/bybit.md, 2.1).
/// </summary>
internal readonly record struct FakeInterval(string Code, long Length)
{
    private const long Minute = 60_000;
    private const long Day = 1_440 * Minute;
    private const long Week = 7 * Day;

    // 1970-01-01 was a Thursday: the first Monday is four days later.
    private const long FirstMonday = 4 * Day;

    private bool IsMonth => Length == 0;

    public static bool TryParse(string? code, out FakeInterval interval)
    {
        interval = code switch
        {
            "1" or "3" or "5" or "15" or "30" or "60" or "120" or "240" or "360" or "720" => new(code, int.Parse(code, CultureInfo.InvariantCulture) * Minute),
            "D" => new(code, Day),
            "W" => new(code, Week),
            "M" => new(code, 0),
            _ => default,
        };
        return interval.Code is not null;
    }

    /// <summary>Open time of the bar containing <paramref name="time"/>.</summary>
    public long Floor(long time)
    {
        if (IsMonth)
        {
            var date = DateTimeOffset.FromUnixTimeMilliseconds(time);
            return new DateTimeOffset(date.Year, date.Month, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        }
        var origin = Length == Week ? FirstMonday : 0;
        var offset = time - origin;
        return time - (offset % Length + Length) % Length;
    }

    public long Next(long openTime) => IsMonth ? AddMonths(openTime, 1) : openTime + Length;

    public long Previous(long openTime) => IsMonth ? AddMonths(openTime, -1) : openTime - Length;

    private static long AddMonths(long time, int months) =>
        DateTimeOffset.FromUnixTimeMilliseconds(time).AddMonths(months).ToUnixTimeMilliseconds();
}
