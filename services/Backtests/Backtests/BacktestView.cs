using System.Text.Json.Nodes;

namespace Platform.Backtests.Backtests;

/// <summary>
/// The contract's BacktestOut (docs/api-behaviour.md, 2.2) with what the original dropped: every metric column, the error of a failed
/// run, who claimed it and when, and who owns it. Fractions as in docs/api-behaviour.md, 1.6: <c>total_return</c>, <c>win_rate</c>, <c>max_drawdown</c>.
/// </summary>
internal sealed record BacktestView(
    long Id,
    long StrategyId,
    string Symbol,
    string Timeframe,
    DateTimeOffset StartDate,
    DateTimeOffset EndDate,
    double InitialCapital,
    int Leverage,
    double Commission,
    JsonNode? Config,
    string Status,
    string? ErrorMessage,
    int Attempts,
    string? ClaimedBy,
    DateTimeOffset? ClaimedAt,
    DateTimeOffset? LeaseUntil,
    DateTimeOffset? RetryAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? CompletedAt,
    double? FinalCapital,
    double? TotalReturn,
    int? TotalTrades,
    int? WinningTrades,
    int? LosingTrades,
    double? WinRate,
    double? SharpeRatio,
    double? SortinoRatio,
    double? MaxDrawdown,
    double? ProfitFactor,
    JsonNode? Results,
    string[]? AdditionalTimeframes,
    JsonNode? HtfFilters,
    JsonNode? HtfIndicators,
    string? Owner,
    int? StrategyVersion)
{
    public static BacktestView From(Backtest row) => new(
        row.Id,
        row.StrategyId,
        row.Symbol,
        row.Timeframe,
        Utc(row.StartDate),
        Utc(row.EndDate),
        row.InitialCapital,
        row.Leverage,
        row.Commission,
        Parse(row.Config),
        row.Status,
        row.ErrorMessage,
        row.Attempts,
        row.ClaimedBy,
        Utc(row.ClaimedAt),
        Utc(row.LeaseUntil),
        Utc(row.RetryAt),
        Utc(row.CreatedAt),
        Utc(row.UpdatedAt),
        Utc(row.StartedAt),
        Utc(row.CompletedAt),
        row.FinalCapital,
        row.TotalReturn,
        row.TotalTrades,
        row.WinningTrades,
        row.LosingTrades,
        row.WinRate,
        row.SharpeRatio,
        row.SortinoRatio,
        row.MaxDrawdown,
        row.ProfitFactor,
        Parse(row.Results),
        row.AdditionalTimeframes,
        Parse(row.HtfFilters),
        null,
        row.Owner,
        row.StrategyVersion);

    private static JsonNode? Parse(string? json) => json is null ? null : JsonNode.Parse(json);

    private static DateTimeOffset Utc(DateTime time) => new(DateTime.SpecifyKind(time, DateTimeKind.Utc));

    private static DateTimeOffset? Utc(DateTime? time) => time is { } value ? Utc(value) : null;
}

internal sealed record BacktestList(IReadOnlyList<BacktestView> Items, long Total);
