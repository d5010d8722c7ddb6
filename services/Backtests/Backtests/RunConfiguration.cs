using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Engine.Backtesting;
using Platform.Engine.Strategies;

namespace Platform.Backtests.Backtests;

/// <summary>
/// What the engine runs for a backtest: the strategy's stored default parameters overlaid with the backtest's
/// <c>config</c>, and the trading settings. <c>config</c> holds strategy parameters plus these setting keys:
/// <c>direction</c> (long, short, both), <c>stop_loss_pct</c>, <c>take_profit_pct</c>, <c>slippage_bps</c>,
/// <c>position_size</c> (fraction of equity, default 1) and <c>fill_policy</c> (pessimistic, optimistic).
/// </summary>
internal sealed record RunConfiguration(StrategySpec Strategy, BacktestSettings Settings)
{
    private static readonly HashSet<string> SettingKeys =
        ["direction", "stop_loss_pct", "take_profit_pct", "slippage_bps", "position_size", "fill_policy", "htf_filters"];

    /// <summary>The configuration, or null with the errors keyed <c>config.&lt;name&gt;</c> (or by the setting's field).</summary>
    public static RunConfiguration? Create(
        string strategyType, JsonObject? strategyDefaults, JsonObject? config, double initialCapital, int leverage, double commission, Dictionary<string, string[]> errors)
    {
        var parameters = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var source in new[] { strategyDefaults, config })
        {
            foreach (var (key, value) in source ?? [])
            {
                if (!SettingKeys.Contains(key))
                {
                    parameters[key] = JsonSerializer.SerializeToElement(value);
                }
            }
        }
        var strategy = StrategyCatalog.Default.Validate(strategyType, parameters);
        foreach (var (field, message) in strategy.Errors)
        {
            errors[$"config.{field}"] = [message];
        }

        var settings = new BacktestSettings
        {
            InitialCapital = initialCapital,
            Leverage = leverage,
            CommissionBps = commission * 10_000,
            Direction = Parse(config, "direction", TradeDirection.Long, errors),
            FillPolicy = Parse(config, "fill_policy", FillPolicy.Pessimistic, errors),
            StopLossPct = Number(config, "stop_loss_pct", errors),
            TakeProfitPct = Number(config, "take_profit_pct", errors),
            SlippageBps = Number(config, "slippage_bps", errors) ?? 0,
            Sizing = PositionSizing.FractionOfEquity(Number(config, "position_size", errors) ?? 1),
        };
        foreach (var (field, message) in settings.Validate())
        {
            errors[Field(field)] = [message];
        }
        return errors.Count == 0 ? new RunConfiguration(strategy.Value!, settings) : null;
    }

    private static string Field(string setting) => setting switch
    {
        "initial_capital" or "leverage" => setting,
        "commission_bps" => "commission",
        "sizing" => "config.position_size",
        _ => $"config.{setting}",
    };

    private static double? Number(JsonObject? config, string key, Dictionary<string, string[]> errors)
    {
        if (config?[key] is not { } node)
        {
            return null;
        }
        if (node is JsonValue value && value.TryGetValue<double>(out var number) && double.IsFinite(number))
        {
            return number;
        }
        errors[$"config.{key}"] = ["must be a number."];
        return null;
    }

    private static T Parse<T>(JsonObject? config, string key, T fallback, Dictionary<string, string[]> errors)
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
        errors[$"config.{key}"] = [$"must be one of {string.Join(", ", Enum.GetNames<T>().Select(name => name.ToLowerInvariant()))}."];
        return fallback;
    }
}
