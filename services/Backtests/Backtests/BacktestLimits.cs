namespace Platform.Backtests.Backtests;

/// <summary>Settings under <c>Backtests:Limits</c> (docs/api-behaviour.md, 2.5).</summary>
internal sealed class BacktestLimits
{
    public const string Section = "Backtests:Limits";

    /// <summary>
    /// Most bars a backtest's date range may hold at its timeframe. A run holds per bar the 48 bytes of candle columns read
    /// from market data, the engine's 48-byte validated copy, equity and drawdown (16), signals and entry permits (2), its
    /// indicator series (8 each: 16 for a crossover, 32 for Bollinger bands or MACD) and the 16 bytes of equity written
    /// back: 160 to 180 bytes; the benchmark backtest_5m_bars (bench/Backtests.Bench) measured 161. A backtests pod has
    /// 1 GiB (deploy/kubernetes), of which the runtime lets the managed heap use 75 % (768 MiB), and runs two jobs at once;
    /// two runs of 1,500,000 bars (230 to 260 MiB each) leave about 250 MiB for the service itself.
    /// </summary>
    public long MaxBars { get; set; } = 1_500_000;
}
