using System.Text.Json.Nodes;
using Platform.Backtests.Strategies;
using Platform.Engine.Strategies;

namespace Platform.Backtests.Tests.Strategies;

public sealed class StrategyConfigChecksEveryChange
{
    private static readonly Strategy Ema = new(
        1, "ema", null, "ema_crossover", new JsonObject { ["fast"] = 10, ["slow"] = 30 }, true, DateTime.UnixEpoch, DateTime.UnixEpoch, null, 1);

    private static readonly JsonObject Rules = JsonNode.Parse("""
        {"indicators": {"avg": {"type": "sma", "period": 5}}, "rules": {"enter_long": {"left": "close", "op": ">", "right": "avg"}}}
        """)!.AsObject();

    [Fact]
    public void ChangesGoOnTopOfTheStoredParameters()
    {
        var result = StrategyConfig.Change(Ema, null, new JsonObject { ["slow"] = 50 });

        Assert.Equal("""{"fast":10,"slow":50}""", result.Value!.ToJsonString());
    }

    [Fact]
    public void TheStrategyIsLeftUnchanged()
    {
        StrategyConfig.Change(Ema, null, new JsonObject { ["fast"] = 20 });

        Assert.Equal(10, (int)Ema.Config["fast"]!);
    }

    [Theory]
    [InlineData("fast", 0)]
    [InlineData("slow", 100_000)]
    [InlineData("speed", 5)]
    public void AnInvalidChangeIsNamedByItsParameter(string parameter, int value)
    {
        var result = StrategyConfig.Change(Ema, null, new JsonObject { [parameter] = value });

        Assert.Null(result.Value);
        Assert.Equal([$"config.{parameter}"], result.Errors.Keys);
    }

    [Fact]
    public void ChangesThatBreakAParameterOrderNameTheLaterField() =>
        Assert.Equal(["config.slow"], StrategyConfig.Change(Ema, null, new JsonObject { ["fast"] = 40 }).Errors.Keys);

    [Fact]
    public void ANewTypeStartsFromItsDefaultsWithTheGivenValues()
    {
        var result = StrategyConfig.Change(Ema, "rsi_mean_reversion", new JsonObject { ["oversold"] = 25.5 });

        Assert.Equal("""{"overbought":70,"oversold":25.5,"period":14}""", result.Value!.ToJsonString());
    }

    [Fact]
    public void AnUnknownTypeIsNamedAsStrategyType() =>
        Assert.Equal([StrategyConfig.TypeField], StrategyConfig.Change(Ema, "martingale", null).Errors.Keys);

    [Fact]
    public void AnEmptyConfigGivesEverySchemaDefault()
    {
        foreach (var definition in StrategyCatalog.Default.Strategies)
        {
            var config = StrategyConfig.Check(definition.Name, null).Value!;

            Assert.Equal(definition.Parameters.Select(p => p.Name).Order(), config.Select(p => p.Key).Order());
            Assert.True(StrategyConfig.Check(definition.Name, config).IsValid);
        }
    }

    [Fact]
    public void ARuleDocumentIsStoredAsGivenAndReplacedWhole()
    {
        var rules = Ema with { StrategyType = StrategyCatalog.RulesType, Config = Rules };
        var replacement = JsonNode.Parse("""{"rules": {"enter_short": {"left": "close", "op": "<", "right": 100}}}""")!.AsObject();

        Assert.Equal(Rules.ToJsonString(), StrategyConfig.Check(StrategyCatalog.RulesType, Rules).Value!.ToJsonString());
        Assert.Equal(replacement.ToJsonString(), StrategyConfig.Change(rules, null, replacement).Value!.ToJsonString());
    }

    [Fact]
    public void ARuleDocumentsErrorsAreKeyedByTheirPathUnderConfig()
    {
        var broken = JsonNode.Parse("""{"rules": {"enter_long": {"left": "close", "op": ">", "right": "nothing"}}}""")!.AsObject();

        Assert.Equal(["config.rules.enter_long.right"], StrategyConfig.Check(StrategyCatalog.RulesType, broken).Errors.Keys);
        Assert.Equal(["config"], StrategyConfig.Check(StrategyCatalog.RulesType, null).Errors.Keys);
    }

    [Fact]
    public void AnOriginalConfigurationIsStoredAsGivenAndSaysHowItIsRead()
    {
        var original = new JsonObject { ["type"] = "rsi", ["rsi_period"] = 10, ["signal_exit"] = true };

        var stored = StrategyConfig.Check("anything", original).Value!;
        var reading = StrategyConfig.ReadingOf(stored)!;

        Assert.Equal(original.ToJsonString(), stored.ToJsonString());
        Assert.Contains(reading, r => r.Key == "rsi_period" && r.ReadAs.StartsWith("the RSI period in bars", StringComparison.Ordinal));
        Assert.Contains(reading, r => r is { Key: "ma_period", Value: null } && r.ReadAs.EndsWith("(the original's default 200)", StringComparison.Ordinal));
        Assert.Null(StrategyConfig.ReadingOf(Ema.Config));
    }

    [Fact]
    public void AnOriginalConfigurationWithAnImpossibleValueIsNamedByItsKey() =>
        Assert.Equal(["config.rsi_period"], StrategyConfig.Check("rsi", new JsonObject { ["type"] = "rsi", ["rsi_period"] = "fourteen" }).Errors.Keys);
}
