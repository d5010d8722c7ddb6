using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace Platform.Engine.Data;

/// <summary>
/// Validated, read-only candles of one symbol and interval, stored column by column so the
/// backtest loops read contiguous arrays. Created only through <see cref="Create"/>.
/// </summary>
public sealed class CandleSeries
{
    private readonly long[] openTime;
    private readonly double[] open;
    private readonly double[] high;
    private readonly double[] low;
    private readonly double[] close;
    private readonly double[] volume;
    private IReadOnlyList<CandleGap>? gaps;
    private string? contentHash;

    private CandleSeries(Interval interval, long[] openTime, double[] open, double[] high, double[] low, double[] close, double[] volume)
    {
        Interval = interval;
        this.openTime = openTime;
        this.open = open;
        this.high = high;
        this.low = low;
        this.close = close;
        this.volume = volume;
    }

    public Interval Interval { get; }

    public int Count => close.Length;

    /// <summary>Bar open times, UTC milliseconds since the epoch.</summary>
    public ReadOnlySpan<long> OpenTime => openTime;

    public ReadOnlySpan<double> Open => open;

    public ReadOnlySpan<double> High => high;

    public ReadOnlySpan<double> Low => low;

    public ReadOnlySpan<double> Close => close;

    public ReadOnlySpan<double> Volume => volume;

    /// <summary>Missing bars between consecutive candles; gaps are reported, never filled.</summary>
    public IReadOnlyList<CandleGap> Gaps => gaps ??= CandleGap.Find(Interval, openTime);

    /// <summary>SHA-256 of the interval and every column, computed once because the series never changes.</summary>
    public string ContentHash => contentHash ??= ComputeHash();

    internal long[] OpenTimeArray => openTime;

    internal double[] OpenArray => open;

    internal double[] HighArray => high;

    internal double[] LowArray => low;

    internal double[] CloseArray => close;

    internal double[] VolumeArray => volume;

    /// <summary>Copies and validates the columns; the result names the first invalid row and why.</summary>
    public static CandleSeriesResult Create(
        Interval interval,
        ReadOnlySpan<long> openTime,
        ReadOnlySpan<double> open,
        ReadOnlySpan<double> high,
        ReadOnlySpan<double> low,
        ReadOnlySpan<double> close,
        ReadOnlySpan<double> volume) =>
        Adopt(interval, openTime.ToArray(), open.ToArray(), high.ToArray(), low.ToArray(), close.ToArray(), volume.ToArray());

    /// <summary>
    /// Validates columns that the caller hands over and never changes again, and keeps them without a copy: candles read
    /// for one run (a million bars are 48 MB) go to the engine as they were read.
    /// </summary>
    public static CandleSeriesResult Adopt(
        Interval interval, long[] openTime, double[] open, double[] high, double[] low, double[] close, double[] volume)
    {
        var error = CandleValidator.FindFirstError(interval, openTime, open, high, low, close, volume);
        return error is null
            ? new CandleSeriesResult(new CandleSeries(interval, openTime, open, high, low, close, volume), null)
            : new CandleSeriesResult(null, error);
    }

    /// <summary>Wraps arrays already known to be valid (aggregates of a valid series) without copying.</summary>
    internal static CandleSeries Trusted(Interval interval, long[] openTime, double[] open, double[] high, double[] low, double[] close, double[] volume) =>
        new(interval, openTime, open, high, low, close, volume);

    private string ComputeHash()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(System.Text.Encoding.UTF8.GetBytes(Interval.Code));
        hash.AppendData(MemoryMarshal.AsBytes(openTime.AsSpan()));
        foreach (var column in (double[][])[open, high, low, close, volume])
        {
            hash.AppendData(MemoryMarshal.AsBytes(column.AsSpan()));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
