using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Engine.Strategies;

namespace Platform.Engine.Configuration;

/// <summary>
/// Configurations written for the original system (docs/strategy-language.md, "Configurations of the original system"):
/// its <c>type</c> (<c>ema_crossover</c> or <c>rsi</c>) and keys are read onto a rule document with the original's defaults
/// (EMA 50/200, RSI 14/30/70 above or below an SMA-200 trend filter, stop 2 %, target 5 %, 2 % of capital per trade), and
/// each key says how it was read.
/// </summary>
public static class OriginalConfig
{
    private static readonly HashSet<string> Keys =
    [
        "type", "fast_ema", "slow_ema", "rsi_period", "rsi_oversold", "rsi_overbought", "ma_period", "trailing_stop_pct", "signal_exit",
        "max_positions", "risk_per_trade_pct", "order_size_usd",
    ];

    /// <summary>Whether a configuration uses any key only the original system had.</summary>
    public static bool Uses(JsonObject? config) => config is not null && config.Any(property => Keys.Contains(property.Key));

    /// <summary>
    /// The rule document of an original configuration, with how each key was read; null with errors keyed
    /// <c>config.&lt;key&gt;</c> when a key holds what the original could not have meant.
    /// </summary>
    public static OriginalReading? Read(JsonObject config, Dictionary<string, string[]> errors)
    {
        var readings = new List<ConfigReading>();
        var errorsBefore = errors.Count;
        var type = config["type"] is JsonValue t && t.TryGetValue<string>(out var text) ? text : config["type"] is null ? "ema_crossover" : null;
        if (type is not ("ema_crossover" or "rsi"))
        {
            errors["config.type"] = ["the original system ran type ema_crossover or rsi."];
            return null;
        }
        readings.Add(new("type", config["type"]?.DeepClone(), type == "rsi"
            ? "rsi: long when the RSI is below rsi_oversold with the close above the ma_period SMA, short when it is above rsi_overbought with the close below it"
            : "ema_crossover: long when the fast EMA crosses above the slow EMA, short when it crosses below"));

        double Number(string key, double fallback, string readAs, double min, double max, bool whole = false)
        {
            var node = config[key];
            if (node is null)
            {
                readings.Add(new(key, null, $"{readAs} (the original's default {Format(fallback)})"));
                return fallback;
            }
            var value = node.GetValueKind() == JsonValueKind.Number ? node.Deserialize<double>() : double.NaN;
            if (!(value >= min && value <= max) || (whole && value != Math.Round(value)))
            {
                errors[$"config.{key}"] = [$"must be a {(whole ? "whole number" : "number")} from {Format(min)} to {Format(max)}."];
            }
            readings.Add(new(key, node.DeepClone(), readAs));
            return value;
        }

        bool Flag(string key, string readAs)
        {
            var node = config[key];
            var value = node?.GetValueKind() == JsonValueKind.True;
            if (node is not null && node.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
            {
                errors[$"config.{key}"] = ["must be true or false."];
            }
            readings.Add(new(key, node?.DeepClone(), node is null ? $"{readAs} (the original's default false)" : readAs));
            return value;
        }

        var document = new JsonObject { ["description"] = $"Read from a configuration of the original system (type {type})." };
        // The original's numeric keys become parameters of the same names, so a grid or a search can vary them.
        var parameters = new JsonObject();
        string Parameter(string key, double value, bool integer, double min, double max)
        {
            parameters[key] = new JsonObject { ["default"] = value, ["integer"] = integer, ["min"] = min, ["max"] = max };
            return $"${key}";
        }

        JsonObject enterLong, enterShort;
        if (type == "rsi")
        {
            var period = Number("rsi_period", 14, "the RSI period in bars, as Wilder's RSI (the original averaged gains and losses simply)", 2, 1_000, whole: true);
            var oversold = Number("rsi_oversold", 30, "the RSI level below which longs open", 0, 100);
            var overbought = Number("rsi_overbought", 70, "the RSI level above which shorts open", 0, 100);
            var trend = Number("ma_period", 200, "the period of the SMA trend filter: longs only above it, shorts only below", 1, 10_000, whole: true);
            document["indicators"] = new JsonObject
            {
                ["rsi"] = new JsonObject { ["type"] = "rsi", ["period"] = Parameter("rsi_period", period, true, 2, 1_000) },
                ["trend"] = new JsonObject { ["type"] = "sma", ["period"] = Parameter("ma_period", trend, true, 1, 10_000) },
            };
            enterLong = All(Compare("rsi", "<", Parameter("rsi_oversold", oversold, false, 0, 100)), Compare("close", ">", "trend"));
            enterShort = All(Compare("rsi", ">", Parameter("rsi_overbought", overbought, false, 0, 100)), Compare("close", "<", "trend"));
        }
        else
        {
            var fast = Number("fast_ema", 50, "the fast EMA period in bars", 1, 10_000, whole: true);
            var slow = Number("slow_ema", 200, "the slow EMA period in bars", 1, 10_000, whole: true);
            document["indicators"] = new JsonObject
            {
                ["fast"] = new JsonObject { ["type"] = "ema", ["period"] = Parameter("fast_ema", fast, true, 1, 10_000) },
                ["slow"] = new JsonObject { ["type"] = "ema", ["period"] = Parameter("slow_ema", slow, true, 1, 10_000) },
            };
            enterLong = Compare("fast", "crosses_above", "slow");
            enterShort = Compare("fast", "crosses_below", "slow");
        }
        document["parameters"] = parameters;
        var rules = new JsonObject { ["enter_long"] = enterLong, ["enter_short"] = enterShort };
        if (Flag("signal_exit", "close on the opposite signal"))
        {
            rules["exit_long"] = enterShort.DeepClone();
            rules["exit_short"] = enterLong.DeepClone();
        }
        document["rules"] = rules;

        var risk = new JsonObject();
        var stop = Number("stop_loss_pct", 2, "stop loss in percent of the entry price (0 turns it off)", 0, 99.99);
        var target = Number("take_profit_pct", 5, "take profit in percent of the entry price (0 turns it off)", 0, 10_000);
        var trailing = Number("trailing_stop_pct", 0, "trailing stop in percent from the best price since entry (0 turns it off)", 0, 99.99);
        if (stop > 0)
        {
            risk["stop_loss"] = new JsonObject { ["percent"] = stop };
        }
        if (target > 0)
        {
            risk["take_profit"] = new JsonObject { ["percent"] = target };
        }
        if (trailing > 0)
        {
            risk["trailing_stop"] = new JsonObject { ["percent"] = trailing };
        }
        document["risk"] = risk;
        document["pyramiding"] = Number("max_positions", 1, "entries one position may take (pyramiding)", 1, 100, whole: true);
        if (config["order_size_usd"] is not null)
        {
            document["sizing"] = new JsonObject { ["notional"] = Number("order_size_usd", 0, "a fixed notional in USDT per entry", 0.01, 1e12) };
            if (config["risk_per_trade_pct"] is { } ignored)
            {
                readings.Add(new("risk_per_trade_pct", ignored.DeepClone(), "not used: order_size_usd sets the size, as in the original"));
            }
        }
        else
        {
            var pct = Number("risk_per_trade_pct", 2, "percent of equity committed per entry (position value = equity × pct × leverage)", 0.01, 100);
            document["sizing"] = new JsonObject { ["fraction"] = pct / 100 };
        }
        if (errors.Count > errorsBefore)
        {
            return null;
        }
        var definition = StrategyCatalog.Define(JsonSerializer.SerializeToElement(document));
        foreach (var (field, message) in definition.Errors)
        {
            errors[$"config.{field}"] = [message];
        }
        return definition.Value is { } value ? new OriginalReading(value, readings) : null;
    }

    private static JsonObject Compare(string left, string op, JsonNode right) => new() { ["left"] = left, ["op"] = op, ["right"] = right };

    private static JsonObject All(params JsonObject[] items) => new() { ["all"] = new JsonArray([.. items]) };

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>How one key of an original configuration was read; <see cref="Value"/> is null when the key was absent.</summary>
public sealed record ConfigReading(string Key, JsonNode? Value, string ReadAs);

/// <summary>An original configuration read as a rule strategy.</summary>
public sealed record OriginalReading(StrategyDefinition Definition, IReadOnlyList<ConfigReading> Readings);
