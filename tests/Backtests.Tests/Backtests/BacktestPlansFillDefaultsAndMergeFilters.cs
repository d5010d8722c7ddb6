using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Backtests.Backtests;
using Platform.Backtests.Strategies;
using Platform.Engine.Data;

namespace Platform.Backtests.Tests.Backtests;

public sealed class BacktestPlansFillDefaultsAndMergeFilters
{
    private static readonly Strategy Crossover = new(
        7, "crossover", null, "sma_crossover", new JsonObject { ["fast"] = 5, ["slow"] = 20 }, true, DateTime.UnixEpoch, DateTime.UnixEpoch, null, 1);

    private static readonly JsonArray Filters = [new JsonObject { ["timeframe"] = "240", ["type"] = "trend_ma", ["params"] = new JsonObject { ["period"] = 50 } }];

    private static CreateBacktestRequest Create(JsonObject? config = null, JsonArray? filters = null, int? leverage = null, double? commission = null) => new(
        Crossover.Id, "BTCUSDT", "60", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddDays(10), 10_000, leverage, commission,
        config is null ? null : JsonSerializer.SerializeToElement(config), null, filters is null ? null : JsonSerializer.SerializeToElement(filters));

    [Fact]
    public void ACreateRequestWithoutLeverageOrCommissionTakesTheDefaults()
    {
        var plan = BacktestPlan.For(Create(), Crossover);

        Assert.Equal((1, 0.0006), (plan.Leverage, plan.Commission));
    }

    [Fact]
    public void ACreateRequestsOwnLeverageAndCommissionStand()
    {
        var plan = BacktestPlan.For(Create(leverage: 3, commission: 0.001), Crossover);

        Assert.Equal((3, 0.001, 10_000.0, Interval.Parse("60")), (plan.Leverage, plan.Commission, plan.InitialCapital, plan.Timeframe));
    }

    [Fact]
    public void WithoutFiltersTheConfigIsKeptAsGiven()
    {
        Assert.Null(BacktestPlan.For(Create(), Crossover).Config);
        Assert.Equal("""{"fast":7}""", BacktestPlan.For(Create(new JsonObject { ["fast"] = 7 }), Crossover).Config!.ToJsonString());
    }

    [Fact]
    public void FiltersGoIntoTheConfigReplacingAnyItHeld()
    {
        var config = new JsonObject { ["fast"] = 7, ["htf_filters"] = new JsonArray(), ["direction"] = "both" };

        var plan = BacktestPlan.For(Create(config, Filters), Crossover);

        Assert.Equal(
            $$"""{"fast":7,"htf_filters":{{Filters.ToJsonString()}},"direction":"both"}""",
            plan.Config!.ToJsonString());
    }

    [Fact]
    public void FiltersWithoutAConfigMakeOne() =>
        Assert.Equal($$"""{"htf_filters":{{Filters.ToJsonString()}}}""", BacktestPlan.WithFilters(null, Filters)!.ToJsonString());

    [Fact]
    public void MergingLeavesTheGivenConfigAlone()
    {
        var config = new JsonObject { ["fast"] = 7 };

        BacktestPlan.WithFilters(config, Filters);

        Assert.Equal("""{"fast":7}""", config.ToJsonString());
    }

    [Fact]
    public void TheMergedFiltersReachTheEngine()
    {
        var errors = new Dictionary<string, string[]>();

        var run = BacktestPlan.For(Create(filters: Filters), Crossover).Configure(errors);

        Assert.Empty(errors);
        Assert.Equal([(Interval.Parse("240"), 50)], run!.Filters.Select(filter => (filter.Interval, filter.Period)));
    }

    [Fact]
    public void AStoredRunIsPlannedFromItsColumns()
    {
        var stored = new Backtest
        {
            StrategyId = Crossover.Id, Timeframe = "15", InitialCapital = 5_000, Leverage = 2, Commission = 0.0004, Config = """{"fast":9}""",
        };

        var plan = BacktestPlan.For(stored, Crossover);

        Assert.Equal(
            (Interval.Parse("15"), 5_000.0, 2, 0.0004, """{"fast":9}"""),
            (plan.Timeframe, plan.InitialCapital, plan.Leverage, plan.Commission, plan.Config!.ToJsonString()));
    }

    [Fact]
    public void AnUpdateTakesItsValuesOverTheStoredOnes()
    {
        var stored = new Backtest { Timeframe = "15", InitialCapital = 5_000, Leverage = 2, Commission = 0.0004, Config = """{"fast":9}""" };
        var update = new UpdateBacktestRequest(
            null, null, "60", null, null, null, 4, null, JsonSerializer.SerializeToElement(new JsonObject { ["fast"] = 3 }), null);

        var plan = BacktestPlan.For(update, stored, Crossover);

        Assert.Equal(
            (Interval.Parse("60"), 5_000.0, 4, 0.0004, """{"fast":3}"""),
            (plan.Timeframe, plan.InitialCapital, plan.Leverage, plan.Commission, plan.Config!.ToJsonString()));
    }
}
