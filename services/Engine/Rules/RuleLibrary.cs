using System.Text.Json;
using Platform.Engine.Backtesting;
using Platform.Engine.Strategies;

namespace Platform.Engine.Rules;

/// <summary>
/// The strategies shipped with the platform, written in the rule language (Rules/Library/*.json, embedded). They trade
/// long unless a run asks otherwise, as the original system's strategies did.
/// </summary>
public static class RuleLibrary
{
    public static IReadOnlyList<string> Names { get; } =
        ["sma_crossover", "ema_crossover", "rsi_mean_reversion", "bollinger_reversion", "macd_crossover", "donchian_breakout"];

    /// <summary>Example documents, one per style, that the strategy types endpoint shows (Rules/Examples/*.json).</summary>
    public static IReadOnlyList<string> ExampleNames { get; } = ["trend_following", "mean_reversion", "breakout_atr"];

    internal static IReadOnlyList<StrategyDefinition> Load() => [.. Names.Select(Load)];

    /// <summary>The example documents by name.</summary>
    public static IReadOnlyDictionary<string, JsonElement> Examples() => ExampleNames.ToDictionary(name => name, name => Read("Examples", name));

    private static JsonElement Read(string folder, string name)
    {
        using var stream = typeof(RuleLibrary).Assembly.GetManifestResourceStream($"Platform.Engine.Rules.{folder}.{name}.json")
                           ?? throw new InvalidOperationException($"{folder}/{name}.json is not embedded");
        using var document = JsonDocument.Parse(stream);
        return document.RootElement.Clone();
    }

    private static StrategyDefinition Load(string name)
    {
        var root = Read("Library", name);
        var program = RuleProgram.Compile(root, TradeDirection.Long);
        return program.Value is { } compiled
            ? new StrategyDefinition(name, root.GetProperty("description").GetString()!, compiled, root)
            : throw new InvalidOperationException($"the shipped strategy {name} is invalid: {string.Join("; ", program.Errors.Select(e => $"{e.Key}: {e.Value}"))}");
    }
}
