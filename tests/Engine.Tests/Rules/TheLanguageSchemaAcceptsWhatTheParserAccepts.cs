using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Platform.Engine.Rules;
using Platform.Engine.Strategies;

namespace Platform.Engine.Tests.Rules;

/// <summary>
/// The language's JSON Schema, which the strategy types endpoint serves for editors and clients, checked by an independent
/// validator (JsonSchema.Net): every document the platform ships passes, every indicator of the catalog is described with
/// its arguments and bounds, and documents the parser refuses for their shape fail it too.
/// </summary>
public sealed class TheLanguageSchemaAcceptsWhatTheParserAccepts
{
    private static readonly JsonSchema Schema = JsonSchema.FromText(RuleSchema.Build().ToJsonString());

    public static TheoryData<string> ShippedDocuments() => [.. RuleLibrary.Names, .. RuleLibrary.ExampleNames];

    [Theory]
    [MemberData(nameof(ShippedDocuments))]
    public void EveryShippedDocumentPasses(string name)
    {
        var document = RuleLibrary.Names.Contains(name)
            ? StrategyCatalog.Default.Strategies.Single(strategy => strategy.Name == name).Document
            : RuleLibrary.Examples()[name];

        AssertValid(document);
    }

    public static TheoryData<string> Indicators() => [.. IndicatorTypes.All.Select(type => type.Name)];

    [Theory]
    [MemberData(nameof(Indicators))]
    public void EveryIndicatorPassesWithItsDefaultsAndBoundsAndFailsBeyondThem(string name)
    {
        var type = IndicatorTypes.ByName[name];
        var atDefaults = Indicator(name, type.Arguments.ToDictionary(argument => argument.Name, argument => (JsonNode?)argument.Default));
        var atBounds = Indicator(name, type.Arguments.ToDictionary(argument => argument.Name, argument => (JsonNode?)argument.Max));
        var asParameters = Indicator(name, type.Arguments.ToDictionary(argument => argument.Name, argument => (JsonNode?)"$p"));

        AssertValid(atDefaults);
        AssertValid(atBounds);
        AssertValid(asParameters);
        AssertInvalid(Indicator(name, new() { ["no_such_argument"] = 1 }));
        foreach (var argument in type.Arguments)
        {
            AssertInvalid(Indicator(name, new() { [argument.Name] = argument.Max + 1 }));
            AssertInvalid(Indicator(name, new() { [argument.Name] = argument.Min - 1 }));
            if (argument.IsInteger)
            {
                AssertInvalid(Indicator(name, new() { [argument.Name] = argument.Min + 0.5 }));
            }
        }
        Assert.Equal(type.TakesSource, IsValid(Indicator(name, new() { ["source"] = "high" })));
    }

    [Theory]
    [InlineData("""{"rules": {"enter_long": {"left": "close", "op": ">", "right": 1}}, "colour": "red"}""")]
    [InlineData("""{"indicators": {}}""")]
    [InlineData("""{"indicators": {"x": {"type": "no_such_indicator"}}, "rules": {"enter_long": {"left": "x", "op": ">", "right": 1}}}""")]
    [InlineData("""{"indicators": {"Fast": {"type": "sma", "period": 5}}, "rules": {"enter_long": {"left": "close", "op": ">", "right": 1}}}""")]
    [InlineData("""{"rules": {"enter_long": {"left": "close", "op": "above", "right": 1}}}""")]
    [InlineData("""{"rules": {"enter_long": {"left": "close", "op": ">"}}}""")]
    [InlineData("""{"rules": {"enter_long": {"left": "close", "op": "between", "low": 1}}}""")]
    [InlineData("""{"rules": {"enter_long": {"left": "close", "op": "rising", "bars": 1.5}}}""")]
    [InlineData("""{"rules": {"enter_long": {"all": []}}}""")]
    [InlineData("""{"rules": {"enter_long": {"not": {"left": "close", "op": ">", "right": 1}, "extra": 1}}}""")]
    [InlineData("""{"rules": {"hold": {"left": "close", "op": ">", "right": 1}}}""")]
    [InlineData("""{"rules": {"enter_long": {"left": "close", "op": ">", "right": 1}}, "risk": {"stop_loss": {"points": 5}}}""")]
    [InlineData("""{"rules": {"enter_long": {"left": "close", "op": ">", "right": 1}}, "risk": {"stop_loss": {"atr": 2, "percent": 1}}}""")]
    [InlineData("""{"parameters": {"p": {"min": 1}}, "rules": {"enter_long": {"left": "close", "op": ">", "right": "$p"}}}""")]
    [InlineData("""{"parameters": {"p": "ten"}, "rules": {"enter_long": {"left": "close", "op": ">", "right": "$p"}}}""")]
    public void DocumentsOfTheWrongShapeFail(string document)
    {
        AssertInvalid(JsonNode.Parse(document)!);
        Assert.False(StrategyCatalog.Define(JsonDocument.Parse(document).RootElement).Errors.Count == 0, "the parser accepts it");
    }

    [Fact]
    public void TheLimitsAreTheParsersLimits()
    {
        var parameters = new JsonObject();
        for (var i = 0; i <= RuleLimits.MaxParameters; i++)
        {
            parameters[$"p{i}"] = 1;
        }
        var tooMany = new JsonObject { ["parameters"] = parameters.DeepClone(), ["rules"] = JsonNode.Parse("""{"enter_long": {"left": "close", "op": ">", "right": 1}}""") };
        parameters.Remove($"p{RuleLimits.MaxParameters}");
        var asMany = new JsonObject { ["parameters"] = parameters, ["rules"] = JsonNode.Parse("""{"enter_long": {"left": "close", "op": ">", "right": 1}}""") };

        AssertInvalid(tooMany);
        AssertValid(asMany);
    }

    private static JsonObject Indicator(string type, Dictionary<string, JsonNode?> arguments)
    {
        var indicator = new JsonObject { ["type"] = type };
        foreach (var (name, value) in arguments)
        {
            indicator[name] = value;
        }
        return new JsonObject
        {
            ["parameters"] = new JsonObject { ["p"] = 5 },
            ["indicators"] = new JsonObject { ["x"] = indicator },
            ["rules"] = new JsonObject { ["enter_long"] = new JsonObject { ["left"] = "x", ["op"] = ">", ["right"] = 0 } },
        };
    }

    private static bool IsValid(JsonNode document) => Evaluate(document).IsValid;

    private static EvaluationResults Evaluate(JsonNode document) =>
        Schema.Evaluate(JsonSerializer.SerializeToElement(document), new EvaluationOptions { OutputFormat = OutputFormat.List });

    private static void AssertValid(JsonNode document)
    {
        var results = Evaluate(document);
        var errors = (results.Details ?? []).Where(detail => detail.Errors is { Count: > 0 })
            .SelectMany(detail => detail.Errors!.Select(error => $"{detail.InstanceLocation} ({detail.EvaluationPath}): {error.Value}"));
        Assert.True(results.IsValid, $"{document.ToJsonString()}{Environment.NewLine}{string.Join(Environment.NewLine, errors)}");
    }

    private static void AssertValid(JsonElement document) => AssertValid(JsonNode.Parse(document.GetRawText())!);

    private static void AssertInvalid(JsonNode document) => Assert.False(IsValid(document), document.ToJsonString());
}
