using System.Text.Json;
using Platform.Engine.Strategies;

namespace Platform.Engine.Tests.Strategies;

public sealed class StrategyCatalogValidatesParameters
{
    private static readonly StrategyCatalog Catalog = StrategyCatalog.Default;

    private static IReadOnlyDictionary<string, string> Errors(string name, string json) =>
        Catalog.Validate(name, JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json)!).Errors;

    [Fact]
    public void ListsTheBuiltInStrategiesWithTheirSchemas()
    {
        Assert.Equal(
            ["sma_crossover", "ema_crossover", "rsi_mean_reversion", "bollinger_reversion", "macd_crossover", "donchian_breakout"],
            Catalog.Strategies.Select(s => s.Name));
        var fast = Catalog.Strategies[0].Parameters[0];
        Assert.Equal(new ParameterSchema("fast", ParameterType.Int, 10, 1, 5_000, "Fast SMA period in bars"), fast);
        Assert.All(Catalog.Strategies, s => Assert.False(string.IsNullOrWhiteSpace(s.Description)));
        Assert.All(Catalog.Strategies.SelectMany(s => s.Parameters), p => Assert.False(string.IsNullOrWhiteSpace(p.Description)));
        Assert.Contains(Catalog.Strategies[3].Parameters, p => p is { Name: "exit_at_middle", Type: ParameterType.Bool, Default: false });
    }

    [Fact]
    public void SerializesSchemasForTheApi()
    {
        var json = JsonSerializer.Serialize(Catalog.Strategies[0], new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower });
        Assert.Contains("\"name\":\"sma_crossover\"", json);
        Assert.Contains("\"default\":10", json);
        Assert.DoesNotContain("create_signals", json);
    }

    [Fact]
    public void FillsDefaultsForOmittedParameters()
    {
        var result = Catalog.Validate("rsi_mean_reversion", new Dictionary<string, double>());
        Assert.True(result.IsValid);
        Assert.Empty(result.Errors);
        Assert.Equal(14, result.Value!.Parameters.Int("period"));
        Assert.Equal(30, result.Value.Parameters.Number("oversold"));
        Assert.Equal("rsi_mean_reversion(overbought=70,oversold=30,period=14)", result.Value.ToString());
    }

    [Fact]
    public void NamesAnUnknownStrategy()
    {
        var errors = Errors("magic", "{}");
        Assert.StartsWith("unknown strategy 'magic'; expected one of: sma_crossover, ema_crossover", errors["name"]);
    }

    [Fact]
    public void RejectsUnknownParameterNames() =>
        Assert.Equal(new Dictionary<string, string> { ["fats"] = "is not a parameter of sma_crossover" }, Errors("sma_crossover", """{"fats": 5}"""));

    [Fact]
    public void RequiresFastBelowSlow()
    {
        Assert.Equal(new Dictionary<string, string> { ["slow"] = "must be greater than fast (10)" }, Errors("sma_crossover", """{"fast": 10, "slow": 10}"""));
        Assert.Equal("must be greater than fast (50)", Errors("ema_crossover", """{"slow": 40}""")["slow"]);
        Assert.Equal("must be greater than fast (30)", Errors("macd_crossover", """{"fast": 30}""")["slow"]);
        Assert.Equal("must be greater than oversold (80)", Errors("rsi_mean_reversion", """{"oversold": 80}""")["overbought"]);
    }

    [Fact]
    public void ChecksRangesAndTypes()
    {
        var errors = Errors("bollinger_reversion", """{"period": 1, "std_dev": "wide", "exit_at_middle": 2}""");
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["exit_at_middle"] = "must be true or false",
                ["period"] = "must be between 2 and 5000",
                ["std_dev"] = "must be a number",
            },
            errors);
        Assert.Equal("must be between 0.1 and 10", Errors("bollinger_reversion", """{"std_dev": 10.5}""")["std_dev"]);
        Assert.Equal("must be an integer", Errors("donchian_breakout", """{"period": 2.5}""")["period"]);
        Assert.Equal("must be an integer", Errors("donchian_breakout", """{"period": 1e12}""")["period"]);
        Assert.Equal("must be an integer", Errors("donchian_breakout", """{"period": null}""")["period"]);
        Assert.Equal("must be between 1 and 5000", Errors("donchian_breakout", """{"period": 2147483647}""")["period"]);
        Assert.Equal("must be an integer", Errors("donchian_breakout", """{"period": 2147483648}""")["period"]);
        Assert.Empty(Errors("donchian_breakout", """{"period": 20.0}"""));
        Assert.Empty(Errors("bollinger_reversion", """{"std_dev": 0.1, "exit_at_middle": true}"""));
        Assert.False(Catalog.Validate("bollinger_reversion", new Dictionary<string, double> { ["exit_at_middle"] = 0 }).Value!.Parameters.Flag("exit_at_middle"));
        Assert.True(Catalog.Validate("bollinger_reversion", new Dictionary<string, double> { ["exit_at_middle"] = 1 }).Value!.Parameters.Flag("exit_at_middle"));
    }

    [Fact]
    public void RangesIncludeTheirBounds()
    {
        Assert.True(Catalog.Validate("donchian_breakout", new Dictionary<string, double> { ["period"] = 1 }).IsValid);
        Assert.True(Catalog.Validate("donchian_breakout", new Dictionary<string, double> { ["period"] = 5_000 }).IsValid);
        Assert.False(Catalog.Validate("donchian_breakout", new Dictionary<string, double> { ["period"] = 5_001 }).IsValid);
        Assert.False(Catalog.Validate("donchian_breakout", new Dictionary<string, double> { ["period"] = 0 }).IsValid);
        Assert.False(Catalog.Validate("rsi_mean_reversion", new Dictionary<string, double> { ["oversold"] = double.NaN }).IsValid);
    }

    [Fact]
    public void CreateThrowsWithTheFieldErrors()
    {
        var error = Assert.Throws<EngineValidationException>(() => Catalog.Create("sma_crossover", new Dictionary<string, double> { ["fast"] = 40 }));
        Assert.Equal("must be greater than fast (40)", error.Errors["slow"]);
        Assert.Equal("slow: must be greater than fast (40)", error.Message);
        Assert.Equal("fats: is not a parameter of macd_crossover; signal: must be between 1 and 5000", Assert.Throws<EngineValidationException>(
            () => Catalog.Create("macd_crossover", new Dictionary<string, double> { ["fats"] = 1, ["signal"] = 0 })).Message);
    }

    [Fact]
    public void FormatsParametersCanonically()
    {
        var spec = Catalog.Create("bollinger_reversion", new Dictionary<string, double> { ["std_dev"] = 2.5 });
        Assert.Equal("bollinger_reversion(exit_at_middle=false,period=20,std_dev=2.5)", spec.ToString());
        Assert.Equal(
            "bollinger_reversion(exit_at_middle=true,period=20,std_dev=0.30000000000000004)",
            Catalog.Create("bollinger_reversion", new Dictionary<string, double> { ["std_dev"] = 0.1 + 0.2, ["exit_at_middle"] = 1 }).ToString());
        Assert.Equal("bollinger_reversion", spec.Name);
        Assert.Same(Catalog.Strategies[3], spec.Definition);
    }

    [Fact]
    public void SpecsAreEqualByStrategyAndParametersWhetherBoundOrNot()
    {
        var bound = Catalog.Create("sma_crossover", new Dictionary<string, double> { ["fast"] = 7, ["slow"] = 21 });
        var unbound = bound with { };
        var other = Catalog.Create("sma_crossover", new Dictionary<string, double> { ["fast"] = 7, ["slow"] = 22 });

        _ = bound.Settings(new Platform.Engine.Backtesting.BacktestSettings());

        Assert.Equal(unbound, bound);
        Assert.Equal(unbound.GetHashCode(), bound.GetHashCode());
        Assert.NotEqual(other, bound);
    }
}
