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
            .Append(strategy).Append(Document(strategy)).Append('|')
            .Append(Settings(settings)).Append('|')
            .AppendJoin(';', filters.Select(f => $"{f.Interval.Code}:{f.Period}:{f.Condition}:{f.Average}"))
            .ToString();
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    // A user's rule document is part of what it runs; the shipped strategies are known by name, so their fingerprints stay.
    private static string Document(StrategySpec strategy) => strategy.Name == StrategyCatalog.RulesType
        ? $":{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(strategy.Definition.Document.GetRawText())))}"
        : "";

    // Settings added after engine-1 are written only when they differ from their defaults, so runs that do not use
    // them keep their fingerprints.
    private static string Settings(BacktestSettings s)
    {
        var parts = Original(s);
        if (s.TrailingStop is { } trail)
        {
            parts.Add($"trail={trail}");
        }

        if (s.MaxBarsInTrade is { } bars)
        {
            parts.Add($"max_bars={Number(bars)}");
        }

        if (s.MaxEntries != 1)
        {
            parts.Add($"max_entries={Number(s.MaxEntries)}");
        }

        if (s.FundingRatePer8Hours != 0)
        {
            parts.Add($"funding={Number(s.FundingRatePer8Hours)}");
        }

        return string.Join(',', parts);
    }

    private static List<string> Original(BacktestSettings s) =>
    [
        Number(s.InitialCapital),
        s.Direction.ToString(),
        s.Sizing.Mode.ToString(),
        Number(s.Sizing.Value),
        Number(s.Leverage),
        Number(s.CommissionBps),
        Number(s.SlippageBps),
        Distance(s.StopLoss),
        Distance(s.TakeProfit),
        s.FillPolicy.ToString(),
        Number(s.RiskFreeRate),
        Number(s.MaintenanceMarginPct),
    ];

    // A percent distance is written as the bare number engine-1 wrote for the percent settings, none as 0.
    private static string Distance(PriceDistance? distance) => distance switch
    {
        null => Number(0),
        { Unit: DistanceUnit.Percent } => Number(distance.Value),
        _ => distance.ToString(),
    };

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
