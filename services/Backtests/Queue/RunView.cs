using System.Text.Json.Nodes;
using Platform.Engine.Backtesting;
using Platform.Engine.Configuration;

namespace Platform.Backtests.Queue;

/// <summary>
/// What a claimed run executes, for an external worker: the strategy as a rule document with its parameter values (every
/// strategy is one, docs/strategy-language.md), the trading settings with the document's trade management applied, and
/// the higher-timeframe filters. A worker that implements the language needs nothing else.
/// </summary>
internal sealed record RunView(string StrategyType, JsonObject Document, JsonObject Parameters, JsonObject Settings, JsonArray HtfFilters)
{
    public static RunView From(string strategyType, RunConfiguration run)
    {
        var settings = run.Strategy.Settings(run.Settings);
        var parameters = new JsonObject();
        foreach (var (name, value) in run.Strategy.Parameters.Values)
        {
            parameters[name] = value switch
            {
                int number => JsonValue.Create(number),
                double number => JsonValue.Create(number),
                _ => JsonValue.Create((bool)value),
            };
        }
        return new RunView(
            strategyType,
            run.Strategy.Definition.Normalized,
            parameters,
            new JsonObject
            {
                ["initial_capital"] = settings.InitialCapital,
                ["direction"] = Snake(settings.Direction),
                ["leverage"] = settings.Leverage,
                ["commission_bps"] = settings.CommissionBps,
                ["slippage_bps"] = settings.SlippageBps,
                ["sizing"] = new JsonObject { ["mode"] = Snake(settings.Sizing.Mode), ["value"] = settings.Sizing.Value },
                ["stop_loss"] = Distance(settings.StopLoss),
                ["take_profit"] = Distance(settings.TakeProfit),
                ["trailing_stop"] = Distance(settings.TrailingStop),
                ["max_bars_in_trade"] = settings.MaxBarsInTrade,
                ["max_entries"] = settings.MaxEntries,
                ["funding_rate_per_8h"] = settings.FundingRatePer8Hours,
                ["fill_policy"] = Snake(settings.FillPolicy),
                ["maintenance_margin_pct"] = settings.MaintenanceMarginPct,
            },
            new JsonArray([.. run.Filters.Select(filter => (JsonNode)new JsonObject
            {
                ["timeframe"] = filter.Interval.Code,
                ["period"] = filter.Period,
                ["condition"] = Snake(filter.Condition),
                ["ma_type"] = Snake(filter.Average),
            })]));
    }

    private static JsonObject? Distance(PriceDistance? distance) => distance switch
    {
        null => null,
        { IsAtr: true } => new JsonObject { ["atr"] = distance.Value, ["period"] = distance.AtrPeriod },
        _ => new JsonObject { ["percent"] = distance.Value },
    };

    private static string Snake<T>(T value)
        where T : struct, Enum => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
}
