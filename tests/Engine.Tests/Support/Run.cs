using Platform.Engine.Backtesting;
using Platform.Engine.Data;

namespace Platform.Engine.Tests.Support;

internal static class Run
{
    /// <summary>Settings without costs, so hand-worked numbers stay simple unless a test adds them.</summary>
    public static readonly BacktestSettings Frictionless = new() { CommissionBps = 0, SlippageBps = 0 };

    public static BacktestResult Scripted(CandleSeries candles, BacktestSettings settings, params (int Bar, byte Signal)[] signals) =>
        Backtester.Run(candles, Support.Scripted.Spec(signals), settings);
}
