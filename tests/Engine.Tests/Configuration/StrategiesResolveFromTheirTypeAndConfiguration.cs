using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Engine.Configuration;
using Platform.Engine.Strategies;

namespace Platform.Engine.Tests.Configuration;

/// <summary>
/// Which strategy a run executes and which parameters it sets: a shipped type with its stored parameters and the run's on
/// top, a rule strategy's stored document with only the run's values, an original configuration read as a document, and
/// errors keyed where the caller wrote the value.
/// </summary>
public sealed class StrategiesResolveFromTheirTypeAndConfiguration
{
    [Fact]
    public void AShippedTypeTakesItsStoredParametersWithTheRunsOnTopAndLeavesRunSettingsOut()
    {
        var errors = new Dictionary<string, string[]>();

        var resolved = StrategyResolution.Resolve(
            "sma_crossover",
            Object("""{"fast": 5, "slow": 40, "stop_loss_pct": 2}"""),
            Object("""{"slow": 50, "direction": "long", "fill_policy": "next_open"}"""),
            errors);

        Assert.Empty(errors);
        Assert.Equal("sma_crossover", resolved.Definition!.Name);
        Assert.Equal(["fast=5", "slow=50"], Texts(resolved.Parameters));
        Assert.Empty(resolved.Readings);
    }

    [Fact]
    public void ARuleStrategyRunsItsStoredDocumentWithOnlyTheRunsValues()
    {
        var errors = new Dictionary<string, string[]>();
        var document = Object("""
            {"parameters": {"n": 10}, "indicators": {"m": {"type": "sma", "period": "$n"}},
             "rules": {"enter_long": {"op": ">", "left": "close", "right": "m"}}}
            """);

        var resolved = StrategyResolution.Resolve(StrategyCatalog.RulesType, document, Object("""{"n": 12, "slippage_bps": 3}"""), errors);

        Assert.Empty(errors);
        Assert.Equal(StrategyCatalog.RulesType, resolved.Definition!.Name);
        Assert.Equal(["n"], resolved.Definition.Parameters.Select(parameter => parameter.Name));
        Assert.Equal(["n=12"], Texts(resolved.Parameters));
    }

    [Fact]
    public void ARuleDocumentsErrorsAreKeyedInsideTheStrategysConfig()
    {
        var errors = new Dictionary<string, string[]>();

        var resolved = StrategyResolution.Resolve(
            StrategyCatalog.RulesType, Object("""{"rules": {"enter_long": {"op": "above", "left": "close", "right": 1}}}"""), null, errors);

        Assert.Null(resolved.Definition);
        Assert.Equal(["strategy.config.rules.enter_long.op"], errors.Keys);
    }

    [Fact]
    public void ARuleStrategyWithoutADocumentIsAnErrorOfTheConfigItself()
    {
        var errors = new Dictionary<string, string[]>();

        var resolved = StrategyResolution.Resolve(StrategyCatalog.RulesType, null, null, errors);

        Assert.Null(resolved.Definition);
        Assert.StartsWith("must be an object with rules", Assert.Single(errors["strategy.config"]));
        Assert.Single(errors);
    }

    [Fact]
    public void AnUnknownTypeIsNamedByStrategyType()
    {
        var errors = new Dictionary<string, string[]>();

        var resolved = StrategyResolution.Resolve("momentum_magic", null, Object("""{"period": 3}"""), errors);

        Assert.Null(resolved.Definition);
        Assert.Equal(["strategy_type"], errors.Keys);
        Assert.Contains("momentum_magic", Assert.Single(errors["strategy_type"]));
    }

    [Fact]
    public void AnOriginalConfigurationIsReadFromTheStoredAndTheRunsKeysTogether()
    {
        var errors = new Dictionary<string, string[]>();

        var resolved = StrategyResolution.Resolve(
            "ema_crossover", Object("""{"type": "ema_crossover", "fast_ema": 8}"""), Object("""{"slow_ema": 21}"""), errors);

        Assert.Empty(errors);
        Assert.Empty(resolved.Parameters);
        Assert.Equal(StrategyCatalog.RulesType, resolved.Definition!.Name);
        var defaults = resolved.Definition.Parameters.ToDictionary(parameter => parameter.Name, parameter => Convert.ToDouble(parameter.Default));
        Assert.Equal(8, defaults["fast_ema"]);
        Assert.Equal(21, defaults["slow_ema"]);
        Assert.Contains(resolved.Readings, reading => reading.Key == "slow_ema");
        Assert.Contains(resolved.Readings, reading => reading.Key == "fast_ema");
    }

    [Fact]
    public void AnOriginalConfigurationThatCannotBeReadHasNoStrategy()
    {
        var errors = new Dictionary<string, string[]>();

        var resolved = StrategyResolution.Resolve("ema_crossover", null, Object("""{"type": "ema_crossover", "fast_ema": -3}"""), errors);

        Assert.Null(resolved.Definition);
        Assert.Empty(resolved.Readings);
        Assert.Equal(["config.fast_ema"], errors.Keys);
    }

    private static JsonObject Object(string json) => JsonNode.Parse(json)!.AsObject();

    private static string[] Texts(Dictionary<string, JsonElement> parameters) =>
        [.. parameters.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => $"{pair.Key}={pair.Value.GetRawText()}")];
}
