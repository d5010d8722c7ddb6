using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Engine.Strategies;

namespace Platform.Engine.Tests.Rules;

/// <summary>
/// A rule strategy is stored in its complete form: parameters in their long form (bounds only where declared), every
/// indicator with its source and every argument, defaults written out, and the rest of the document as it was given.
/// </summary>
public sealed class NormalizedDocumentsWriteEveryDefaultOut
{
    [Fact]
    public void ShortAndLongFormsAndOmittedArgumentsAreWrittenInFull()
    {
        var normalized = Normalize("""
            {
              "description": "kept as given",
              "parameters": {
                "fast": 10,
                "slow": {"default": 30, "min": 2, "max": 500, "integer": true, "greater_than": "fast", "description": "slow period"},
                "width": {"default": 2.5, "min": 1},
                "cap": {"default": 70, "max": 90},
                "shorts": true,
                "longs": {"default": false, "description": "trade longs"},
                "hedge": false,
                "scale": {"default": true}
              },
              "indicators": {
                "f": {"type": "sma", "period": "$fast"},
                "s": {"type": "ema", "source": "high", "period": "$slow", "timeframe": "240"},
                "bb": {"type": "bollinger", "k": "$width"},
                "r": {"type": "rsi", "source": "f"},
                "a": {"type": "atr"}
              },
              "rules": {
                "enter_long": {"all": [{"op": "crosses_above", "left": "f", "right": "s"}, {"op": "<", "left": "r", "right": "$cap"}]},
                "exit_long": {"op": "<", "left": "close", "right": "bb.lower"}
              },
              "pyramiding": 2
            }
            """);

        AssertJson("""
            {
              "description": "kept as given",
              "parameters": {
                "fast": {"default": 10, "integer": false, "description": ""},
                "slow": {"default": 30, "min": 2, "max": 500, "integer": true, "greater_than": "fast", "description": "slow period"},
                "width": {"default": 2.5, "min": 1, "integer": false, "description": ""},
                "cap": {"default": 70, "max": 90, "integer": false, "description": ""},
                "shorts": {"default": true, "description": ""},
                "longs": {"default": false, "description": "trade longs"},
                "hedge": {"default": false, "description": ""},
                "scale": {"default": true, "description": ""}
              },
              "indicators": {
                "f": {"type": "sma", "source": "close", "period": "$fast"},
                "s": {"type": "ema", "source": "high", "timeframe": "240", "period": "$slow"},
                "bb": {"type": "bollinger", "source": "close", "period": 20, "k": "$width"},
                "r": {"type": "rsi", "source": "f", "period": 14},
                "a": {"type": "atr", "period": 14}
              },
              "rules": {
                "enter_long": {"all": [{"op": "crosses_above", "left": "f", "right": "s"}, {"op": "<", "left": "r", "right": "$cap"}]},
                "exit_long": {"op": "<", "left": "close", "right": "bb.lower"}
              },
              "pyramiding": 2
            }
            """, normalized);
    }

    [Fact]
    public void ADocumentWithoutParametersOrIndicatorsGetsEmptySections()
    {
        var normalized = Normalize("""{"rules": {"enter_long": {"op": ">", "left": "close", "right": "open"}}}""");

        AssertJson("""
            {"rules": {"enter_long": {"op": ">", "left": "close", "right": "open"}}, "parameters": {}, "indicators": {}}
            """, normalized);
    }

    [Fact]
    public void EqualStrategiesNormalizeToEqualDocuments()
    {
        var written = Normalize("""{"indicators": {"m": {"type": "sma"}}, "rules": {"enter_long": {"op": ">", "left": "close", "right": "m"}}}""");
        var spelledOut = Normalize("""
            {"indicators": {"m": {"type": "sma", "source": "close", "period": 20}}, "parameters": {}, "rules": {"enter_long": {"op": ">", "left": "close", "right": "m"}}}
            """);

        Assert.True(JsonNode.DeepEquals(written, spelledOut), $"{written.ToJsonString()} differs from {spelledOut.ToJsonString()}");
    }

    private static JsonObject Normalize(string document) =>
        StrategyCatalog.Define(JsonDocument.Parse(document).RootElement) is { Value: { } definition }
            ? definition.Normalized
            : throw new InvalidOperationException($"the document is refused: {document}");

    /// <summary>Equal as JSON, and with the same keys in the same order, which is how a stored document reads back.</summary>
    private static void AssertJson(string expected, JsonObject actual)
    {
        var expectedNode = JsonNode.Parse(expected)!;
        Assert.Equal(expectedNode.ToJsonString(), actual.ToJsonString());
    }
}
