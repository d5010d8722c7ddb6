namespace Platform.Candles;

/// <summary>Candles of one symbol and interval column by column, ascending: open times in UTC milliseconds.</summary>
public sealed record CandleColumns(long[] OpenTime, double[] Open, double[] High, double[] Low, double[] Close, double[] Volume)
{
    public int Count => OpenTime.Length;
}
