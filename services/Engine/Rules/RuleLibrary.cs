using System.Text.Json;
using Platform.Engine.Backtesting;
using Platform.Engine.Strategies;

namespace Platform.Engine.Rules;

/// <summary>
/// The strategies shipped with the platform, written in the rule language (Rules/Library/*.json, embedded). They trade
/// long unless a run asks otherwise, as the original system's strategies did.
/// </summary>
internal static class RuleLibrary
{
    public static IReadOnlyList<string> Names { get; } =
        ["sma_crossover", "ema_crossover", "rsi_mean_reversion", "bollinger_reversion", "macd_crossover", "donchian_breakout"];

    public static IReadOnlyList<StrategyDefinition> Load() => [.. Names.Select(Load)];

    private static StrategyDefinition Load(string name)
    {
        using var stream = typeof(RuleLibrary).Assembly.GetManifestResourceStream($"Platform.Engine.Rules.Library.{name}.json")
                           ?? throw new InvalidOperationException($"the shipped strategy {name} is not embedded");
        using var document = JsonDocument.Parse(stream);
        var root = document.RootElement.Clone();
        var program = RuleProgram.Compile(root, TradeDirection.Long);
        return program.Value is { } compiled
            ? new StrategyDefinition(name, root.GetProperty("description").GetString()!, compiled, root)
            : throw new InvalidOperationException($"the shipped strategy {name} is invalid: {string.Join("; ", program.Errors.Select(e => $"{e.Key}: {e.Value}"))}");
    }
}
