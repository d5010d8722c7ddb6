namespace Platform.Backtests.Reports;

/// <summary>An equity curve as two parallel arrays: UTC epoch milliseconds and equity.</summary>
internal sealed record EquitySeries
{
    public EquitySeries(long[] time, double[] equity)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(equity.Length, time.Length);
        Time = time;
        Equity = equity;
    }

    public static EquitySeries Empty { get; } = new([], []);

    public long[] Time { get; }

    public double[] Equity { get; }

    public int Count => Time.Length;
}
