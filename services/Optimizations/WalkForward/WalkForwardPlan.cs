using System.Globalization;
using Platform.Engine.Data;

namespace Platform.Optimizations.WalkForward;

/// <summary>
/// The windows of a walk-forward run over one candle series (docs/api-behaviour.md, 3.9): the first starts at the first candle;
/// in-sample is [start, start + train), out-of-sample the next test span; each next window ends its in-sample a step later
/// (rolling: the whole window slides; anchored: the in-sample start stays at the first candle), while the out-of-sample end
/// fits in the data. The data ends where its last candle closes.
/// </summary>
internal sealed class WalkForwardPlan
{
    private const string NotEnoughDataField = "train_size";

    private WalkForwardPlan(WindowSettings settings, Interval interval, long dataStartMs, long dataEndMs, int barCount, IReadOnlyList<PlannedWindow> windows)
    {
        Settings = settings;
        Interval = interval;
        DataStartMs = dataStartMs;
        DataEndMs = dataEndMs;
        BarCount = barCount;
        Windows = windows;
    }

    public WindowSettings Settings { get; }

    public Interval Interval { get; }

    /// <summary>Open time of the first candle, UTC ms.</summary>
    public long DataStartMs { get; }

    /// <summary>Close time of the last candle, UTC ms.</summary>
    public long DataEndMs { get; }

    public int BarCount { get; }

    public IReadOnlyList<PlannedWindow> Windows { get; }

    /// <summary>
    /// The plan over <paramref name="candles"/>, or null with errors keyed by field name: a size that is not positive, or
    /// too little data for one window (under <c>train_size</c>, with the data's length and dates and what one window needs).
    /// </summary>
    public static WalkForwardPlan? Create(CandleSeries candles, WindowSettings settings, Dictionary<string, string[]> errors)
    {
        if (!settings.Validate(errors))
        {
            return null;
        }
        if (candles.Count == 0)
        {
            errors["candles"] = ["the period holds no candles."];
            return null;
        }
        var openTime = candles.OpenTime;
        var startMs = openTime[0];
        var endMs = candles.Interval.Next(openTime[^1]);
        if (!FitsOneWindow(settings, candles.Count, startMs, endMs, errors))
        {
            return null;
        }
        var windows = settings.Unit == WindowUnit.Days
            ? WindowsByDays(settings, openTime, startMs, endMs)
            : WindowsByBars(settings, candles.Interval, openTime);
        return new WalkForwardPlan(settings, candles.Interval, startMs, endMs, candles.Count, windows);
    }

    /// <summary>
    /// The same checks before any candle is loaded, against the nominal bars of <paramref name="interval"/> that open in
    /// [<paramref name="start"/>, <paramref name="end"/>), so a request can be refused with 422 before a job is queued.
    /// </summary>
    public static bool CheckPeriod(WindowSettings settings, Interval interval, DateTimeOffset start, DateTimeOffset end, Dictionary<string, string[]> errors)
    {
        if (!settings.Validate(errors))
        {
            return false;
        }
        var startMs = start.ToUnixTimeMilliseconds();
        var endMs = Math.Max(startMs, end.ToUnixTimeMilliseconds());
        var firstBar = interval.PeriodIndex(startMs) + (interval.IsAligned(startMs) ? 0 : 1);
        var bars = endMs > startMs ? Math.Max(0, interval.PeriodIndex(endMs - 1) - firstBar + 1) : 0;
        return FitsOneWindow(settings, bars, startMs, endMs, errors);
    }

    /// <summary>Whether the plan was made for this series.</summary>
    public bool Matches(CandleSeries candles) =>
        candles.Interval == Interval && candles.Count == BarCount && candles.OpenTime[0] == DataStartMs && candles.Interval.Next(candles.OpenTime[^1]) == DataEndMs;

    private static bool FitsOneWindow(WindowSettings settings, long bars, long startMs, long endMs, Dictionary<string, string[]> errors)
    {
        var needed = (long)settings.TrainSize + settings.TestSize;
        var fits = settings.Unit == WindowUnit.Days ? startMs + needed * Interval.DayMs <= endMs : needed <= bars;
        if (!fits)
        {
            var held = settings.Unit == WindowUnit.Days
                ? ((endMs - startMs) / (double)Interval.DayMs).ToString("0.##", CultureInfo.InvariantCulture)
                : bars.ToString(CultureInfo.InvariantCulture);
            var unit = settings.UnitName;
            errors[NotEnoughDataField] =
            [
                $"the data holds {held} {unit} ({Date(startMs)} to {Date(endMs)}); one window needs train {settings.TrainSize} + test {settings.TestSize} = {needed} {unit}",
            ];
        }
        return fits;
    }

    private static List<PlannedWindow> WindowsByDays(WindowSettings settings, ReadOnlySpan<long> openTime, long startMs, long endMs)
    {
        var windows = new List<PlannedWindow>();
        for (var index = 0; ; index++)
        {
            var shift = (long)index * settings.StepSize * Interval.DayMs;
            var isEnd = startMs + settings.TrainSize * Interval.DayMs + shift;
            var oosEnd = isEnd + settings.TestSize * Interval.DayMs;
            if (oosEnd > endMs)
            {
                return windows;
            }
            var isStart = settings.Mode == WindowMode.Rolling ? startMs + shift : startMs;
            windows.Add(new PlannedWindow(
                index,
                isStart,
                isEnd,
                isEnd,
                oosEnd,
                new BarRange(FirstAtOrAfter(openTime, isStart), FirstAtOrAfter(openTime, isEnd)),
                new BarRange(FirstAtOrAfter(openTime, isEnd), FirstAtOrAfter(openTime, oosEnd))));
        }
    }

    /// <summary>Counted in bars, a window starts where its first bar opens and ends where its last bar closes, so a gap in the data falls between windows.</summary>
    private static List<PlannedWindow> WindowsByBars(WindowSettings settings, Interval interval, ReadOnlySpan<long> openTime)
    {
        var windows = new List<PlannedWindow>();
        for (var index = 0; ; index++)
        {
            var shift = (long)index * settings.StepSize;
            var isEnd = settings.TrainSize + shift;
            var oosEnd = isEnd + settings.TestSize;
            if (oosEnd > openTime.Length)
            {
                return windows;
            }
            var isStart = settings.Mode == WindowMode.Rolling ? (int)shift : 0;
            windows.Add(new PlannedWindow(
                index,
                openTime[isStart],
                interval.Next(openTime[(int)isEnd - 1]),
                openTime[(int)isEnd],
                interval.Next(openTime[(int)oosEnd - 1]),
                new BarRange(isStart, (int)isEnd),
                new BarRange((int)isEnd, (int)oosEnd)));
        }
    }

    private static int FirstAtOrAfter(ReadOnlySpan<long> openTime, long timeMs)
    {
        var found = openTime.BinarySearch(timeMs);
        return found >= 0 ? found : ~found;
    }

    private static string Date(long timeMs)
    {
        var time = DateTimeOffset.FromUnixTimeMilliseconds(timeMs);
        return time.ToString(time.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
    }
}
