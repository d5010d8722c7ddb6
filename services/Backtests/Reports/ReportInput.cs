using System.Text.Json;

namespace Platform.Backtests.Reports;

/// <summary>
/// What exports and charts read: the backtest's header, its stored result document (docs/api-behaviour.md, 1.6), the trades and
/// equity curve parsed from it under either spelling, the numeric <c>metrics</c> and the headline summary.
/// Build it with <see cref="From(ReportHeader, JsonElement, EquitySeries?)"/>.
/// </summary>
internal sealed record ReportInput(
    ReportHeader Header,
    JsonElement Results,
    IReadOnlyList<ReportTrade> Trades,
    IReadOnlyList<ReportTrade> ClosedTrades,
    EquitySeries Equity,
    IReadOnlyDictionary<string, double> Metrics,
    ReportSummary Summary)
{
    /// <summary>
    /// Reads a result document. <paramref name="equity"/>, when given (the <c>equity_curves</c> table), replaces the
    /// document's own curve. Throws <see cref="ReportDataException"/> for anything it cannot read, never another
    /// exception for odd input.
    /// </summary>
    public static ReportInput From(ReportHeader header, JsonElement results, EquitySeries? equity = null)
    {
        if (results.ValueKind != JsonValueKind.Object)
        {
            throw new ReportDataException($"The result document must be a JSON object, not {results.ValueKind}");
        }

        var owned = results.Clone();
        var trades = ResultReader.Trades(owned);
        var closed = trades.Where(t => t.IsClosed).ToArray();
        var curve = equity ?? ResultReader.Equity(owned);
        var metrics = ResultReader.Metrics(owned);
        return new ReportInput(header, owned, trades, closed, curve, metrics, ReportSummary.From(header, owned, closed, curve, metrics));
    }

    /// <summary>Reads a result document stored as JSON text (the <c>results</c> column).</summary>
    public static ReportInput From(ReportHeader header, string resultsJson, EquitySeries? equity = null)
    {
        try
        {
            using var document = JsonDocument.Parse(resultsJson);
            return From(header, document.RootElement, equity);
        }
        catch (JsonException e)
        {
            throw new ReportDataException($"The result document is not valid JSON: {e.Message}");
        }
    }

    /// <summary>A number from <c>metrics</c>, else from the top level of the document; null when neither has it.</summary>
    public double? Metric(string name) =>
        Metrics.TryGetValue(name, out var value) ? value
        : Results.TryGetProperty(name, out var top) && JsonFields.TryNumber(top, out var number) ? number
        : null;
}
