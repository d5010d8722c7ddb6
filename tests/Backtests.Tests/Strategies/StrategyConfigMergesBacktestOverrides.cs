using System.Text.Json.Nodes;
using Platform.Backtests.Strategies;
using Platform.Engine.Strategies;

namespace Platform.Backtests.Tests.Strategies;

public sealed class StrategyConfigMergesBacktestOverrides
{
    private static readonly Strategy Ema = new(
        1, "ema", null, "ema_crossover", new JsonObject { ["fast"] = 10, ["slow"] = 30 }, true, DateTime.UnixEpoch, DateTime.UnixEpoch, null);

    [Fact]
    public void OverridesGoOnTopOfTheStoredParameters()
    {
        var result = StrategyConfig.Merge(Ema, new JsonObject { ["slow"] = 50 });

        Assert.Equal("ema_crossover", result.Value!.Name);
        Assert.Equal(10, result.Value.Parameters.Int("fast"));
        Assert.Equal(50, result.Value.Parameters.Int("slow"));
    }

    [Fact]
    public void WithoutOverridesTheStoredParametersAreUsed()
    {
        var result = StrategyConfig.Merge(Ema, null);

        Assert.Equal("ema_crossover(fast=10,slow=30)", result.Value!.ToString());
    }

    [Fact]
    public void TheStrategyIsLeftUnchanged()
    {
        StrategyConfig.Merge(Ema, new JsonObject { ["fast"] = 20 });

        Assert.Equal(10, (int)Ema.Config["fast"]!);
    }

    [Theory]
    [InlineData("fast", 0)]
    [InlineData("slow", 100_000)]
    [InlineData("speed", 5)]
    public void AnInvalidOverrideIsNamedByItsParameter(string parameter, int value)
    {
        var result = StrategyConfig.Merge(Ema, new JsonObject { [parameter] = value });

        Assert.Null(result.Value);
        Assert.Equal([$"config.{parameter}"], result.Errors.Keys);
    }

    [Fact]
    public void OverridesThatBreakTheCrossRuleNameTheLaterField()
    {
        var result = StrategyConfig.Merge(Ema, new JsonObject { ["fast"] = 40 });

        Assert.Equal(["config.slow"], result.Errors.Keys);
    }

    [Fact]
    public void ErrorsAreKeyedByTheFieldThatHoldsTheOverrides()
    {
        var result = StrategyConfig.Merge(Ema, new JsonObject { ["fast"] = "ten" }, "parameters");

        Assert.Equal(["parameters.fast"], result.Errors.Keys);
    }

    [Fact]
    public void AStoredTypeTheEngineNoLongerKnowsIsNamedAsStrategyType()
    {
        var result = StrategyConfig.Merge(Ema with { StrategyType = "retired" }, null);

        Assert.Equal([StrategyConfig.TypeField], result.Errors.Keys);
    }

    [Fact]
    public void ResolvingAnEmptyConfigGivesEverySchemaDefault()
    {
        foreach (var definition in StrategyCatalog.Default.Strategies)
        {
            var config = StrategyConfig.ToJson(StrategyConfig.Resolve(definition, null).Value!);

            Assert.Equal(definition.Parameters.Select(p => p.Name).Order(), config.Select(p => p.Key).Order());
            Assert.True(StrategyConfig.Resolve(definition, config).IsValid);
        }
    }

    [Fact]
    public void StoredParametersKeepTheirTypes()
    {
        var definition = StrategyConfig.Find("rsi_mean_reversion")!;

        var config = StrategyConfig.ToJson(StrategyConfig.Resolve(definition, new JsonObject { ["oversold"] = 25.5 }).Value!);

        Assert.Equal("""{"overbought":70,"oversold":25.5,"period":14}""", config.ToJsonString());
    }

    [Fact]
    public void OnlyBuiltInTypesAreFound()
    {
        Assert.NotNull(StrategyConfig.Find("ema_crossover"));
        Assert.Null(StrategyConfig.Find("EMA_CROSSOVER"));
        Assert.Null(StrategyConfig.Find("martingale"));
    }
}
