using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Backtests.Queue;
using Platform.Engine.Backtesting;

namespace Platform.Backtests.Backtests;

/// <summary>
/// The result document of an engine run (docs/api-behaviour.md, 1.6): every metric under its original name, trades and
/// equity curve.
/// </summary>
internal static class ResultDocument
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>The metrics and run identity only, as stored in <c>backtests.results</c> (trades and equity have tables).</summary>
    public static JsonObject Summary(BacktestResult result)
    {
        var document = JsonSerializer.SerializeToNode(result.Metrics, Json)!.AsObject();
        document["strategy"] = new JsonObject { ["type"] = result.Strategy.Name, ["parameters"] = result.Strategy.Parameters.ToString() };
        document["fingerprint"] = result.Fingerprint;
        document["bars"] = result.Time.Length;
        document["gaps"] = result.Gaps.Count;
        return document;
    }

    /// <summary>The whole document, with <c>trades</c> and <c>equity_curve</c>, for answers that are not stored.</summary>
    public static JsonObject Create(BacktestResult result)
    {
        var document = Summary(result);
        document["trades"] = new JsonArray([.. EngineOutcome.Trades(result).Select(trade => (JsonNode)trade.ToJson())]);
        var time = result.Time.Span;
        var equity = result.Equity.Span;
        var curve = new JsonArray();
        for (var index = 0; index < time.Length; index++)
        {
            curve.Add(new JsonObject { ["timestamp"] = DateTimeOffset.FromUnixTimeMilliseconds(time[index]).ToString("O"), ["equity"] = equity[index] });
        }
        document["equity_curve"] = curve;
        return document;
    }
}
