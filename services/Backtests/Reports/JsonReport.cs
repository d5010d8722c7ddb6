using System.Globalization;
using System.Text.Json;

namespace Platform.Backtests.Reports;

/// <summary>
/// <c>json</c>: the backtest's header and headline figures (the <c>BacktestOut</c> field names, docs/api-behaviour.md, 2.2)
/// followed by the whole stored result document under <c>results</c>. Non-finite figures (an infinite profit factor)
/// are written as null.
/// </summary>
internal static class JsonReport
{
    public static async Task WriteAsync(ReportInput input, Stream output, CancellationToken cancellationToken)
    {
        var (header, summary) = (input.Header, input.Summary);
        await using var json = new Utf8JsonWriter(output);
        json.WriteStartObject();
        json.WriteNumber("backtest_id", header.BacktestId);
        json.WriteString("symbol", header.Symbol);
        json.WriteString("timeframe", header.Timeframe);
        json.WriteString("strategy", header.StrategyName);
        json.WriteString("start_date", Iso(header.StartDate));
        json.WriteString("end_date", Iso(header.EndDate));
        Number(json, "initial_capital", header.InitialCapital);
        Number(json, "final_capital", summary.FinalCapital);
        Number(json, "total_return", summary.TotalReturn);
        json.WriteNumber("total_trades", summary.TotalTrades);
        json.WriteNumber("winning_trades", summary.WinningTrades);
        json.WriteNumber("losing_trades", summary.LosingTrades);
        Number(json, "win_rate", summary.WinRate);
        Number(json, "sharpe_ratio", summary.SharpeRatio);
        Number(json, "sortino_ratio", summary.SortinoRatio);
        Number(json, "max_drawdown", summary.MaxDrawdown);
        Number(json, "profit_factor", summary.ProfitFactor);
        Number(json, "net_profit", summary.NetProfit);
        Number(json, "gross_profit", summary.GrossProfit);
        Number(json, "gross_loss", summary.GrossLoss);
        Number(json, "total_commission", summary.TotalCommission);
        json.WritePropertyName("results");
        input.Results.WriteTo(json);
        json.WriteEndObject();
        await json.FlushAsync(cancellationToken);
    }

    private static void Number(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } number && double.IsFinite(number))
        {
            json.WriteNumber(name, number);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static string Iso(DateTime time) =>
        DateTime.SpecifyKind(time, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);
}
