using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Backtests.Tests.Backtests;
using Platform.Engine.Backtesting;
using Platform.Engine.Strategies;
using Platform.Testing;

namespace Platform.Backtests.Tests.Strategies;

/// <summary>
/// A strategy written in the rule language, through the API as a user meets it: the types endpoint describes the language,
/// validation answers the normalised form, its warm-up and every error by path, a stored document runs as a backtest with
/// the engine's numbers, and a configuration of the original system runs and says how each key was read.
/// </summary>
public sealed class RuleStrategiesAreCheckedStoredAndRun(BacktestsFactory factory) : IClassFixture<BacktestsFactory>, IDisposable
{
    private const string Crossover = """
        {
          "parameters": {"fast": {"default": 5, "integer": true, "min": 1}, "slow": {"default": 20, "integer": true, "greater_than": "fast"}},
          "indicators": {"fast_ma": {"type": "sma", "period": "$fast"}, "slow_ma": {"type": "sma", "period": "$slow"}},
          "rules": {
            "enter_long": {"left": "fast_ma", "op": "crosses_above", "right": "slow_ma"},
            "exit_long": {"left": "fast_ma", "op": "crosses_below", "right": "slow_ma"}
          },
          "risk": {"stop_loss": {"percent": 3}}
        }
        """;

    private readonly CancellationTokenSource timeout = new(TimeSpan.FromSeconds(60));

    [Fact]
    public async Task TheTypesListDescribesTheLanguageWithExamplesThatValidate()
    {
        var client = factory.CreateClient();
        var types = await client.GetFromJsonAsync<JsonElement>($"{StrategyRequests.Path}/types", timeout.Token);
        var rules = types.EnumerateArray().Single(type => type.GetProperty("name").GetString() == StrategyCatalog.RulesType);

        Assert.Equal("https://json-schema.org/draft/2020-12/schema", rules.GetProperty("config_schema").GetProperty("$schema").GetString());
        var examples = rules.GetProperty("examples").EnumerateArray().ToList();
        Assert.Contains(examples, example => example.GetProperty("name").GetString() == "breakout_atr");
        foreach (var example in examples)
        {
            var validation = await ValidateAsync(client, StrategyCatalog.RulesType, example.GetProperty("config"), "15");
            Assert.True(validation.GetProperty("valid").GetBoolean(), $"{example.GetProperty("name")}: {validation}");
        }
    }

    [Fact]
    public async Task ValidationAnswersTheNormalisedFormAndTheWarmUp()
    {
        var validation = await ValidateAsync(factory.CreateClient(), StrategyCatalog.RulesType, JsonDocument.Parse(Crossover).RootElement, "60");

        Assert.True(validation.GetProperty("valid").GetBoolean());
        // slow SMA of 20: 19 bars of warm-up, then one more to see a cross.
        Assert.Equal(20, validation.GetProperty("warmup_bars").GetInt32());
        var normalized = validation.GetProperty("normalized");
        Assert.Equal("close", normalized.GetProperty("indicators").GetProperty("fast_ma").GetProperty("source").GetString());
        Assert.Equal("$fast", normalized.GetProperty("indicators").GetProperty("fast_ma").GetProperty("period").GetString());
        Assert.Equal(["fast", "slow"], validation.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task ValidationNamesEachErrorByItsPathAndStoresNothing()
    {
        var broken = JsonNode.Parse(Crossover)!;
        broken["rules"]!["enter_long"] = JsonNode.Parse("""{"all": [{"left": "fast_ma", "op": ">", "right": 1}, {"left": "nothing", "op": ">", "right": 1}]}""");
        broken["indicators"]!["trend"] = JsonNode.Parse("""{"type": "ema", "timeframe": "5"}""");
        var client = factory.CreateClient();

        var validation = await ValidateAsync(client, StrategyCatalog.RulesType, JsonSerializer.SerializeToElement(broken), "60");
        using var created = await client.PostAsJsonAsync($"{StrategyRequests.Path}/",
            new JsonObject { ["name"] = StrategyRequests.UniqueName("broken"), ["strategy_type"] = "rules", ["config"] = broken.DeepClone() }, timeout.Token);

        Assert.False(validation.GetProperty("valid").GetBoolean());
        Assert.Equal(["config.rules.enter_long.all[1].left"], validation.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, created.StatusCode);
        Assert.Equal(["config.rules.enter_long.all[1].left"], await StrategyRequests.ErrorFieldsAsync(created, timeout.Token));
    }

    [Fact]
    public async Task AHigherTimeframeThatTheRunsBarsDoNotFitIsNamed()
    {
        var document = JsonNode.Parse(Crossover)!;
        document["indicators"]!["trend"] = JsonNode.Parse("""{"type": "ema", "timeframe": "5"}""");

        var validation = await ValidateAsync(factory.CreateClient(), StrategyCatalog.RulesType, JsonSerializer.SerializeToElement(document), "60");

        Assert.Equal(["config.indicators.trend.timeframe"], validation.GetProperty("errors").EnumerateObject().Select(e => e.Name));
    }

    [Fact]
    public async Task AStoredRuleStrategyRunsAsTheEngineRunsIt()
    {
        var client = factory.CreateClient();
        var strategy = await StrategyRequests.CreateAsync(client, StrategyRequests.UniqueName("rules"), StrategyCatalog.RulesType, JsonNode.Parse(Crossover), timeout.Token);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Crossover), JsonNode.Parse(strategy.GetProperty("config").GetRawText())));

        var backtest = BacktestRequests.Backtest(strategy.GetProperty("id").GetInt64(), hours: 500);
        backtest["config"] = new JsonObject { ["slow"] = 30 };
        var created = await BacktestRequests.CreateAsync(client, backtest);
        var done = await Eventually.ReturnsAsync(
            () => BacktestRequests.GetAsync(client, created.GetProperty("id").GetInt64()),
            run => run.GetProperty("status").GetString() is "completed" or "failed",
            TimeSpan.FromSeconds(60),
            "the run to end");

        var definition = StrategyCatalog.Define(JsonDocument.Parse(Crossover).RootElement).Value!;
        var spec = StrategyCatalog.Validate(definition, new Dictionary<string, double> { ["slow"] = 30 }).Value!;
        var expected = Backtester.Run(
            QueuedBacktestsRunToCompletion.FakeSeries(500), spec, new BacktestSettings { InitialCapital = 10_000, CommissionBps = 6 });
        Assert.Equal("completed", done.GetProperty("status").GetString());
        Assert.True(expected.Trades.Count > 3);
        Assert.Equal(expected.Trades.Count, done.GetProperty("total_trades").GetInt32());
        Assert.Equal(expected.Metrics.FinalCapital, done.GetProperty("final_capital").GetDouble(), 6);
        Assert.Contains(expected.Trades, trade => trade.ExitReason == ExitReason.StopLoss);
    }

    [Fact]
    public async Task AnOriginalConfigurationRunsAndSaysHowEachKeyWasRead()
    {
        var client = factory.CreateClient();
        var original = new JsonObject { ["type"] = "ema_crossover", ["fast_ema"] = 5, ["slow_ema"] = 20, ["signal_exit"] = true, ["trailing_stop_pct"] = 1.5 };

        var strategy = await StrategyRequests.CreateAsync(client, StrategyRequests.UniqueName("original"), "ema_crossover", original, timeout.Token);
        var created = await BacktestRequests.CreateAsync(client, BacktestRequests.Backtest(strategy.GetProperty("id").GetInt64(), hours: 500));
        var done = await Eventually.ReturnsAsync(
            () => BacktestRequests.GetAsync(client, created.GetProperty("id").GetInt64()),
            run => run.GetProperty("status").GetString() is "completed" or "failed",
            TimeSpan.FromSeconds(60),
            "the run to end");

        var reading = strategy.GetProperty("config_reading").EnumerateArray().ToDictionary(r => r.GetProperty("key").GetString()!, r => r.GetProperty("read_as").GetString()!);
        Assert.Equal("the fast EMA period in bars", reading["fast_ema"]);
        Assert.Equal("stop loss in percent of the entry price (0 turns it off) (the original's default 2)", reading["stop_loss_pct"]);
        Assert.Equal("completed", done.GetProperty("status").GetString());
        Assert.True(done.GetProperty("total_trades").GetInt32() > 0);
    }

    private async Task<JsonElement> ValidateAsync(HttpClient client, string strategyType, JsonElement config, string timeframe)
    {
        using var response = await client.PostAsJsonAsync(
            $"{StrategyRequests.Path}/validate", new { strategy_type = strategyType, config, timeframe }, timeout.Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(timeout.Token);
    }

    public void Dispose() => timeout.Dispose();
}
