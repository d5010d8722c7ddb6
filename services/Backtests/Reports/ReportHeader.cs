namespace Platform.Backtests.Reports;

/// <summary>What the <c>backtests</c> row tells a report besides its result document. Dates are UTC.</summary>
internal sealed record ReportHeader(
    long BacktestId,
    string Symbol,
    string Timeframe,
    string StrategyName,
    DateTime StartDate,
    DateTime EndDate,
    double InitialCapital)
{
    /// <summary>Percentages are relative to the initial capital, or to 10 000 when it is not positive (docs/api-behaviour.md, 2.11).</summary>
    public double CapitalBase => InitialCapital > 0 ? InitialCapital : 10_000;
}
