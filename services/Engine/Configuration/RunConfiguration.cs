using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Engine.Backtesting;
using Platform.Engine.Data;
using Platform.Engine.Filters;
using Platform.Engine.Strategies;

namespace Platform.Engine.Configuration;

/// <summary>
/// What the engine runs for a backtest, read from JSON the way the services take it: a strategy's stored default parameters overlaid with a run's
/// <c>config</c>, and the trading settings. <c>config</c> holds strategy parameters plus these setting keys:
/// <c>direction</c> (long, short, both), <c>stop_loss_pct</c>, <c>take_profit_pct</c>, <c>slippage_bps</c>,
/// <c>position_size</c> (fraction of equity, default 1), <c>fill_policy</c> (pessimistic, optimistic) and
/// <c>htf_filters</c>: <c>[{timeframe, type: "trend_ma", params: {period, condition: price_above|price_below, ma_type}}]</c>
/// (docs/api-behaviour.md, 1.5), applied to entries on closed candles of the higher timeframe.
/// </summary>
public sealed record RunConfiguration(StrategySpec Strategy, BacktestSettings Settings, IReadOnlyList<TrendFilter> Filters)
{
    internal static readonly HashSet<string> SettingKeys =
        ["direction", "stop_loss_pct", "take_profit_pct", "slippage_bps", "position_size", "fill_policy", "htf_filters"];

    /// <summary>The configuration, or null with the errors keyed <c>config.&lt;name&gt;</c> (or by the setting's field).</summary>
    public static RunConfiguration? Create(
        string strategyType,
        JsonObject? strategyDefaults,
        JsonObject? config,
        Interval timeframe,
        double initialCapital,
        int leverage,
        double commission,
        Dictionary<string, string[]> errors)
    {
        var (definition, parameters, readings) = StrategyResolution.Resolve(strategyType, strategyDefaults, config, errors);
        var strategy = definition is null ? null : StrategyCatalog.Validate(definition, parameters);
        foreach (var (field, message) in strategy?.Errors ?? new Dictionary<string, string>())
        {
            errors[$"config.{field}"] = [message];
        }
        foreach (var (path, higher) in definition?.Program.HigherTimeframes ?? [])
        {
            if (!higher.Nests(timeframe))
            {
                errors[$"config.{path}"] = [$"{higher.Code} must be a higher timeframe that {timeframe.Code} bars fit into exactly."];
            }
        }

        var settings = new BacktestSettings
        {
            InitialCapital = initialCapital,
            Leverage = leverage,
            CommissionBps = commission * 10_000,
            Direction = Parse(config, "direction", definition?.DefaultDirection ?? TradeDirection.Long, errors),
            FillPolicy = Parse(config, "fill_policy", FillPolicy.Pessimistic, errors),
            StopLoss = Number(config, "stop_loss_pct", errors) is { } stop ? PriceDistance.Percent(stop) : null,
            TakeProfit = Number(config, "take_profit_pct", errors) is { } target ? PriceDistance.Percent(target) : null,
            SlippageBps = Number(config, "slippage_bps", errors) ?? 0,
            Sizing = PositionSizing.FractionOfEquity(Number(config, "position_size", errors) ?? 1),
        };
        foreach (var (field, message) in settings.Validate())
        {
            errors[Field(field)] = [message];
        }
        var filters = ParseFilters(config?["htf_filters"], errors);
        foreach (var (field, message) in TrendFilter.Validate(filters, timeframe))
        {
            errors[field.Replace("filters[", "htf_filters[", StringComparison.Ordinal).Replace(".interval", ".timeframe", StringComparison.Ordinal)] = [message];
        }
        return errors.Count == 0 ? new RunConfiguration(strategy!.Value!, settings, filters) { Readings = readings } : null;
    }

    /// <summary>How each key of a configuration written for the original system was read; empty for every other configuration.</summary>
    public IReadOnlyList<ConfigReading> Readings { get; init; } = [];

    private static List<TrendFilter> ParseFilters(JsonNode? node, Dictionary<string, string[]> errors)
    {
        var filters = new List<TrendFilter>();
        if (node is null)
        {
            return filters;
        }
        if (node is not JsonArray items)
        {
            errors["htf_filters"] = ["htf_filters must be a list of {timeframe, type, params}."];
            return filters;
        }
        for (var index = 0; index < items.Count; index++)
        {
            var item = items[index] as JsonObject;
            var field = $"htf_filters[{index}]";
            if (item?["type"]?.GetValueKind() != JsonValueKind.String || item["type"]!.GetValue<string>() != "trend_ma")
            {
                errors[$"{field}.type"] = ["only trend_ma filters are supported (ema_direction never filtered and rsi_range is not implemented)."];
                continue;
            }
            var code = item["timeframe"]?.GetValueKind() == JsonValueKind.String ? item["timeframe"]!.GetValue<string>() : null;
            if (!Interval.TryParse(code, out var interval))
            {
                errors[$"{field}.timeframe"] = [$"invalid timeframe '{code}'."];
                continue;
            }
            var parameters = item["params"] as JsonObject;
            var period = Number(parameters, "period", errors, $"{field}.params") ?? 200;
            var condition = (parameters?["condition"]?.GetValueKind() == JsonValueKind.String ? parameters["condition"]!.GetValue<string>() : null) switch
            {
                null => TrendCondition.Aligned,
                "price_above" => TrendCondition.PriceAbove,
                "price_below" => TrendCondition.PriceBelow,
                var other => Invalid(errors, $"{field}.params.condition", $"unknown condition '{other}': price_above or price_below."),
            };
            var average = Parse(parameters, "ma_type", MovingAverageKind.Sma, errors, $"{field}.params");
            filters.Add(new TrendFilter(interval, (int)period, condition, average));
        }
        return filters;
    }

    private static TrendCondition Invalid(Dictionary<string, string[]> errors, string field, string message)
    {
        errors[field] = [message];
        return TrendCondition.Aligned;
    }

    private static string Field(string setting) => setting switch
    {
        "initial_capital" or "leverage" => setting,
        "commission_bps" => "commission",
        "sizing" => "config.position_size",
        "stop_loss" or "take_profit" => $"config.{setting}_pct",
        _ => $"config.{setting}",
    };

    private static double? Number(JsonObject? config, string key, Dictionary<string, string[]> errors, string prefix = "config")
    {
        if (config?[key] is not { } node)
        {
            return null;
        }
        // Deserialize rather than TryGetValue<double>: a node built from an int holds an int, not a double.
        if (node.GetValueKind() == JsonValueKind.Number && node.Deserialize<double>() is var number && double.IsFinite(number))
        {
            return number;
        }
        errors[$"{prefix}.{key}"] = ["must be a number."];
        return null;
    }

    private static T Parse<T>(JsonObject? config, string key, T fallback, Dictionary<string, string[]> errors, string prefix = "config")
        where T : struct, Enum
    {
        if (config?[key] is not { } node)
        {
            return fallback;
        }
        if (node is JsonValue value && value.TryGetValue<string>(out var text) && Enum.TryParse<T>(text, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed))
        {
            return parsed;
        }
        errors[$"{prefix}.{key}"] = [$"must be one of {string.Join(", ", Enum.GetNames<T>().Select(name => name.ToLowerInvariant()))}."];
        return fallback;
    }
}
