using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Platform.Engine.Data;
using Platform.Engine.Filters;
using Platform.Engine.Strategies;

namespace Platform.Engine.Backtesting;

/// <summary>SHA-256 over the candles' content hash and a canonical text of everything else that shapes a result.</summary>
internal static class Fingerprint
{
    /// <summary>Bump when simulation rules change, so results of different engine versions never compare equal.</summary>
    private const string EngineVersion = "engine-1";

    public static string Compute(CandleSeries candles, StrategySpec strategy, BacktestSettings settings, IReadOnlyList<TrendFilter> filters)
    {
        var text = new StringBuilder()
            .Append(EngineVersion).Append('|')
            .Append(candles.ContentHash).Append('|')
            .Append(strategy).Append('|')
            .Append(Settings(settings)).Append('|')
            .AppendJoin(';', filters.Select(f => $"{f.Interval.Code}:{f.Period}:{f.Condition}:{f.Average}"))
            .ToString();
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    private static string Settings(BacktestSettings s) => string.Join(
        ',',
        Number(s.InitialCapital),
        s.Direction,
        s.Sizing.Mode,
        Number(s.Sizing.Value),
        Number(s.Leverage),
        Number(s.CommissionBps),
        Number(s.SlippageBps),
        Number(s.StopLossPct ?? 0),
        Number(s.TakeProfitPct ?? 0),
        s.FillPolicy,
        Number(s.RiskFreeRate),
        Number(s.MaintenanceMarginPct));

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
