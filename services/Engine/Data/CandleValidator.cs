namespace Platform.Engine.Data;

internal static class CandleValidator
{
    public static InvalidCandle? FindFirstError(
        Interval interval,
        ReadOnlySpan<long> openTime,
        ReadOnlySpan<double> open,
        ReadOnlySpan<double> high,
        ReadOnlySpan<double> low,
        ReadOnlySpan<double> close,
        ReadOnlySpan<double> volume)
    {
        var n = openTime.Length;
        if (open.Length != n || high.Length != n || low.Length != n || close.Length != n || volume.Length != n)
        {
            return new InvalidCandle(-1, "length", "all columns must have the same length");
        }

        for (var i = 0; i < n; i++)
        {
            var error = CheckRow(interval, openTime, i, open[i], high[i], low[i], close[i], volume[i]);
            if (error is not null)
            {
                return new InvalidCandle(i, error.Value.Field, error.Value.Reason);
            }
        }

        return null;
    }

    private static (string Field, string Reason)? CheckRow(
        Interval interval, ReadOnlySpan<long> openTime, int i, double open, double high, double low, double close, double volume)
    {
        if (!interval.IsAligned(openTime[i]))
        {
            return ("open_time", $"is not aligned to interval {interval.Code}");
        }

        if (i > 0 && openTime[i] <= openTime[i - 1])
        {
            return ("open_time", "must be strictly greater than the previous row's");
        }

        foreach (var (field, value) in (ReadOnlySpan<(string, double)>)[("open", open), ("high", high), ("low", low), ("close", close)])
        {
            if (!double.IsFinite(value) || value <= 0)
            {
                return (field, "must be a finite positive number");
            }
        }

        if (high < Math.Max(open, close))
        {
            return ("high", "must be at least max(open, close)");
        }

        if (low > Math.Min(open, close))
        {
            return ("low", "must be at most min(open, close)");
        }

        return double.IsFinite(volume) && volume >= 0 ? null : ("volume", "must be a finite number >= 0");
    }
}
