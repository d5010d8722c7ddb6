using System.Text.Json.Nodes;
using Platform.Engine.Backtesting;
using Platform.Engine.Data;
using Platform.Engine.Filters;
using Platform.Engine.Configuration;

namespace Platform.Engine.Tests.Configuration;

public sealed class RunSettingsComeFromTheConfig
{
    private static readonly JsonObject Defaults = new() { ["fast"] = 5, ["slow"] = 20 };

    private static (RunConfiguration? Run, Dictionary<string, string[]> Errors) Create(JsonObject? config, string timeframe = "15")
    {
        var errors = new Dictionary<string, string[]>();
        return (RunConfiguration.Create("sma_crossover", Defaults, config, Interval.Parse(timeframe), 10_000, 2, 0.0006, errors), errors);
    }

    [Fact]
    public void SettingKeysBecomeEngineSettings()
    {
        var (run, errors) = Create(new JsonObject
        {
            ["fast"] = 7,
            ["direction"] = "both",
            ["fill_policy"] = "optimistic",
            ["stop_loss_pct"] = 2,
            ["take_profit_pct"] = 5,
            ["slippage_bps"] = 3,
            ["position_size"] = 0.5,
        });

        Assert.Empty(errors);
        Assert.Equal(TradeDirection.Both, run!.Settings.Direction);
        Assert.Equal(FillPolicy.Optimistic, run.Settings.FillPolicy);
        Assert.Equal(PriceDistance.Percent(2), run.Settings.StopLoss);
        Assert.Equal(PriceDistance.Percent(5), run.Settings.TakeProfit);
        Assert.Equal(3, run.Settings.SlippageBps);
        Assert.Equal(PositionSizing.FractionOfEquity(0.5), run.Settings.Sizing);
        Assert.Equal(6, run.Settings.CommissionBps, 9);
        Assert.Equal(2, run.Settings.Leverage);
        Assert.Contains("fast=7", run.Strategy.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("direction", "sideways")]
    [InlineData("fill_policy", "random")]
    [InlineData("stop_loss_pct", "two")]
    [InlineData("position_size", 3)]
    [InlineData("take_profit_pct", -1)]
    public void ABadSettingIsNamed(string key, object value)
    {
        var (run, errors) = Create(new JsonObject { [key] = value is string text ? JsonValue.Create(text) : JsonValue.Create((int)value) });

        Assert.Null(run);
        Assert.Contains($"config.{key}", errors.Keys);
    }

    [Fact]
    public void TrendFiltersAreReadWithTheirParameters()
    {
        var (run, errors) = Create(new JsonObject
        {
            ["htf_filters"] = new JsonArray(
                new JsonObject { ["timeframe"] = "60", ["type"] = "trend_ma", ["params"] = new JsonObject { ["period"] = 50, ["condition"] = "price_below", ["ma_type"] = "ema" } },
                new JsonObject { ["timeframe"] = "240", ["type"] = "trend_ma", ["params"] = new JsonObject { ["condition"] = "price_above" } },
                new JsonObject { ["timeframe"] = "D", ["type"] = "trend_ma" }),
        });

        Assert.Empty(errors);
        Assert.Equal(
            [
                new TrendFilter(Interval.Parse("60"), 50, TrendCondition.PriceBelow, MovingAverageKind.Ema),
                new TrendFilter(Interval.Parse("240"), 200, TrendCondition.PriceAbove),
                new TrendFilter(Interval.Parse("D"), 200),
            ],
            run!.Filters);
    }

    [Theory]
    [InlineData("""{"timeframe": "60", "type": "rsi_range"}""", "htf_filters[0].type")]
    [InlineData("""{"timeframe": "7", "type": "trend_ma"}""", "htf_filters[0].timeframe")]
    [InlineData("""{"timeframe": "5", "type": "trend_ma"}""", "htf_filters[0].timeframe")]
    [InlineData("""{"timeframe": "60", "type": "trend_ma", "params": {"condition": "sideways"}}""", "htf_filters[0].params.condition")]
    [InlineData("""{"timeframe": "60", "type": "trend_ma", "params": {"period": 0}}""", "htf_filters[0].period")]
    public void ABadFilterIsNamed(string filter, string field)
    {
        var (run, errors) = Create(new JsonObject { ["htf_filters"] = new JsonArray(JsonNode.Parse(filter)) });

        Assert.Null(run);
        Assert.Equal([field], errors.Keys);
    }

    [Fact]
    public void FiltersMustBeAList()
    {
        var (_, errors) = Create(new JsonObject { ["htf_filters"] = new JsonObject() });

        Assert.Equal(["htf_filters"], errors.Keys);
    }

    [Fact]
    public void AnUnknownStrategyParameterIsNamed()
    {
        var (_, errors) = Create(new JsonObject { ["fastest"] = 3 });

        Assert.Equal(["config.fastest"], errors.Keys);
    }
}
