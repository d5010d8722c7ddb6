namespace Platform.Backtests.Backtests;

/// <summary>Settings under <c>Backtests:Limits</c> (docs/api-behaviour.md, 2.5).</summary>
internal sealed class BacktestLimits
{
    public const string Section = "Backtests:Limits";

    /// <summary>
    /// Most bars a backtest's date range may hold at its timeframe. A run holds per bar the 48 bytes of candle columns read
    /// from market data, the engine's 48-byte copy of them, equity and drawdown (16), signals and entry permits (2), its
    /// indicator series (8 each, up to 4 for the built-in strategies: 32) and the 16 bytes of equity written back: about
    /// 160 bytes, 200 with the garbage collector's headroom. A backtests pod has 1 GiB (deploy/kubernetes) and runs two
    /// jobs at once; after about 200 MiB for the runtime and the service, 2,000,000 bars (400 MB) per run fits twice.
    /// </summary>
    public long MaxBars { get; set; } = 2_000_000;
}
