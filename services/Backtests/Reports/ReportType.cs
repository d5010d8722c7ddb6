namespace Platform.Backtests.Reports;

/// <summary>
/// The <c>{report_type}</c> of <c>GET /{id}/export/{report_type}</c>: the contract's five, then JSON and PDF
/// (docs/api-behaviour.md, 2.11).
/// </summary>
internal enum ReportType
{
    ListOfTrades,
    Performance,
    RiskRatios,
    TradesAnalysis,
    All,
    Json,
    Pdf,
}

internal static class ReportTypes
{
    /// <summary>The route names in contract order; <see cref="ReportType"/> follows the same order.</summary>
    public static readonly string[] Names =
        ["list_of_trades", "performance", "risk_ratios", "trades_analysis", "all", "json", "pdf"];

    /// <summary>The four CSV reports, in the order the <c>all</c> archive holds them.</summary>
    public static readonly ReportType[] Csv =
        [ReportType.ListOfTrades, ReportType.Performance, ReportType.RiskRatios, ReportType.TradesAnalysis];

    /// <summary>Exact, case-sensitive match of a route name, as the original compared them.</summary>
    public static bool TryParse(string? name, out ReportType type)
    {
        var index = Array.IndexOf(Names, name);
        type = (ReportType)Math.Max(index, 0);
        return index >= 0;
    }

    public static string Name(this ReportType type) => Names[(int)type];
}
