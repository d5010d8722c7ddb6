using System.Runtime.CompilerServices;
using System.Diagnostics.CodeAnalysis;
using Platform.Engine.Data;
using Platform.MarketData.Candles;
using static System.FormattableString;

namespace Platform.MarketData.Ingest;

/// <summary>
/// The raw cells of one candle row, whatever the layout, and the checks every row passes before it is stored. The cells
/// are spans of the row's text, so that a million rows are read without a string per cell; an absent cell is empty.
/// </summary>
internal readonly ref struct CandleCells(
    ReadOnlySpan<char> time, ReadOnlySpan<char> open, ReadOnlySpan<char> high, ReadOnlySpan<char> low, ReadOnlySpan<char> close,
    ReadOnlySpan<char> volume, ReadOnlySpan<char> turnover)
{
    private readonly ReadOnlySpan<char> Time = time;
    private readonly ReadOnlySpan<char> Open = open;
    private readonly ReadOnlySpan<char> High = high;
    private readonly ReadOnlySpan<char> Low = low;
    private readonly ReadOnlySpan<char> Close = close;
    private readonly ReadOnlySpan<char> Volume = volume;
    private readonly ReadOnlySpan<char> Turnover = turnover;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public CandleFileRow Parse(long row, Interval interval) =>
        Check(interval, out var candle) is { } reason ? CandleFileRow.Rejected(row, reason) : CandleFileRow.Valid(row, candle);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private string? Check(Interval interval, out Candle candle)
    {
        candle = default;
        if (IsMissing(Time))
        {
            return "open time is missing";
        }

        if (!CandleTime.TryParse(Time, out var openTime))
        {
            return $"open time {Quote(Time)} is not a timestamp (epoch seconds, ms or µs, or ISO-8601)";
        }

        if (!interval.IsAligned(openTime))
        {
            return Invariant($"open time {DateTimeOffset.FromUnixTimeMilliseconds(openTime):yyyy-MM-dd'T'HH:mm:ss.FFF'Z'} is not aligned to interval {interval.Code}");
        }

        if (!TryPrice("open", Open, out var open, out var reason)
            || !TryPrice("high", High, out var high, out reason)
            || !TryPrice("low", Low, out var low, out reason)
            || !TryPrice("close", Close, out var close, out reason))
        {
            return reason;
        }

        if (high < low)
        {
            return Invariant($"high {high} is below low {low}");
        }

        if (high < Math.Max(open, close))
        {
            return Invariant($"high {high} is below max(open, close) {Math.Max(open, close)}");
        }

        if (low > Math.Min(open, close))
        {
            return Invariant($"low {low} is above min(open, close) {Math.Min(open, close)}");
        }

        // Volume is optional (docs/api-behaviour.md, 4.11): a file or cell without it stores 0 rather than losing the candle.
        if (!TryQuantity("volume", Volume, out var volume, out reason) || !TryQuantity("turnover", Turnover, out var turnover, out reason))
        {
            return reason;
        }

        candle = new Candle(openTime, open, high, low, close, volume ?? 0, turnover);
        return null;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryPrice(string name, ReadOnlySpan<char> text, out double value, [NotNullWhen(false)] out string? reason)
    {
        value = 0;
        reason = IsMissing(text) ? $"{name} is missing"
            : !TryNumber(text, out value) ? $"{name} {Quote(text)} is not a number"
            : !(double.IsFinite(value) && value > 0) ? Invariant($"{name} {value} is not a positive finite price")
            : null;
        return reason is null;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryQuantity(string name, ReadOnlySpan<char> text, out double? value, [NotNullWhen(false)] out string? reason)
    {
        value = null;
        reason = null;
        if (IsMissing(text))
        {
            return true;
        }

        if (!TryNumber(text, out var number))
        {
            reason = $"{name} {Quote(text)} is not a number";
        }
        else if (!double.IsFinite(number))
        {
            reason = Invariant($"{name} {number} is not finite");
        }
        else if (number < 0)
        {
            reason = Invariant($"{name} {number} is negative");
        }
        else
        {
            value = number;
        }

        return reason is null;
    }

    // Cells are echoed back to the uploader, so a runaway one is cut short.
    private static string Quote(ReadOnlySpan<char> text)
    {
        var trimmed = text.Trim();
        return trimmed.Length <= 32 ? $"'{trimmed}'" : $"'{trimmed[..32]}…'";
    }

    private static bool IsMissing(ReadOnlySpan<char> text) => text.IsWhiteSpace();

    private static bool TryNumber(ReadOnlySpan<char> text, out double value) => DecimalText.TryParse(text, out value);
}
