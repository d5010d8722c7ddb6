using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Engine.Configuration;

namespace Platform.Engine.Tests.Configuration;

/// <summary>
/// The original system's configurations (docs/strategy-language.md) read onto a rule document: the document written out
/// by hand for each type, the original's defaults for absent keys, each key's bounds, and how every key was read.
/// </summary>
public sealed class OriginalConfigurationsAreReadOntoTheLanguage
{
    [Fact]
    public void AnEmaCrossoverWithEveryKeyIsTheDocumentWrittenByHand()
    {
        var reading = Read("""
            {"type": "ema_crossover", "fast_ema": 12, "slow_ema": 26, "stop_loss_pct": 1.5, "take_profit_pct": 4, "trailing_stop_pct": 2.5,
             "signal_exit": true, "max_positions": 3, "risk_per_trade_pct": 10}
            """);

        AssertDocument("""
            {
              "description": "Read from a configuration of the original system (type ema_crossover).",
              "indicators": {"fast": {"type": "ema", "period": "$fast_ema"}, "slow": {"type": "ema", "period": "$slow_ema"}},
              "parameters": {
                "fast_ema": {"default": 12, "integer": true, "min": 1, "max": 10000},
                "slow_ema": {"default": 26, "integer": true, "min": 1, "max": 10000}
              },
              "rules": {
                "enter_long": {"left": "fast", "op": "crosses_above", "right": "slow"},
                "enter_short": {"left": "fast", "op": "crosses_below", "right": "slow"},
                "exit_long": {"left": "fast", "op": "crosses_below", "right": "slow"},
                "exit_short": {"left": "fast", "op": "crosses_above", "right": "slow"}
              },
              "risk": {"stop_loss": {"percent": 1.5}, "take_profit": {"percent": 4}, "trailing_stop": {"percent": 2.5}},
              "pyramiding": 3,
              "sizing": {"fraction": 0.1}
            }
            """, reading);
        Assert.Equal(
            ["type", "fast_ema", "slow_ema", "signal_exit", "stop_loss_pct", "take_profit_pct", "trailing_stop_pct", "max_positions", "risk_per_trade_pct"],
            reading.Readings.Select(key => key.Key));
        Assert.All(reading.Readings, key => Assert.False(key.ReadAs.Contains("default", StringComparison.Ordinal), key.ReadAs));
    }

    [Fact]
    public void AnRsiConfigurationFiltersByTheTrendAndTakesTheOriginalsDefaults()
    {
        var reading = Read("""{"type": "rsi", "rsi_oversold": 25}""");

        AssertDocument("""
            {
              "description": "Read from a configuration of the original system (type rsi).",
              "indicators": {"rsi": {"type": "rsi", "period": "$rsi_period"}, "trend": {"type": "sma", "period": "$ma_period"}},
              "parameters": {
                "rsi_period": {"default": 14, "integer": true, "min": 2, "max": 1000},
                "ma_period": {"default": 200, "integer": true, "min": 1, "max": 10000},
                "rsi_oversold": {"default": 25, "integer": false, "min": 0, "max": 100},
                "rsi_overbought": {"default": 70, "integer": false, "min": 0, "max": 100}
              },
              "rules": {
                "enter_long": {"all": [{"left": "rsi", "op": "<", "right": "$rsi_oversold"}, {"left": "close", "op": ">", "right": "trend"}]},
                "enter_short": {"all": [{"left": "rsi", "op": ">", "right": "$rsi_overbought"}, {"left": "close", "op": "<", "right": "trend"}]}
              },
              "risk": {"stop_loss": {"percent": 2}, "take_profit": {"percent": 5}},
              "pyramiding": 1,
              "sizing": {"fraction": 0.02}
            }
            """, reading);
        var byKey = reading.Readings.ToDictionary(key => key.Key);
        Assert.Equal("the RSI level below which longs open", byKey["rsi_oversold"].ReadAs);
        Assert.Equal(25, byKey["rsi_oversold"].Value!.GetValue<double>());
        Assert.Null(byKey["rsi_period"].Value);
        Assert.EndsWith("(the original's default 14)", byKey["rsi_period"].ReadAs);
        Assert.EndsWith("(the original's default 2)", byKey["risk_per_trade_pct"].ReadAs);
        Assert.EndsWith("(the original's default false)", byKey["signal_exit"].ReadAs);
        Assert.StartsWith("rsi: long when the RSI is below rsi_oversold", byKey["type"].ReadAs);
    }

    [Fact]
    public void AnAbsentTypeIsTheEmaCrossoverAndZeroTurnsStopsOff()
    {
        var reading = Read("""{"fast_ema": 10, "stop_loss_pct": 0, "take_profit_pct": 0}""");

        Assert.Equal(JsonValueKind.Object, reading.Definition.Document.GetProperty("risk").ValueKind);
        Assert.Empty(reading.Definition.Document.GetProperty("risk").EnumerateObject());
        Assert.Equal(200, reading.Definition.Document.GetProperty("parameters").GetProperty("slow_ema").GetProperty("default").GetDouble());
        Assert.Null(reading.Readings[0].Value);
        Assert.StartsWith("ema_crossover: long when the fast EMA crosses above", reading.Readings[0].ReadAs);
    }

    [Fact]
    public void AFixedNotionalSizesEntriesAndLeavesTheRiskPercentUnused()
    {
        var reading = Read("""{"type": "ema_crossover", "order_size_usd": 250, "risk_per_trade_pct": 5}""");

        Assert.Equal(250, reading.Definition.Document.GetProperty("sizing").GetProperty("notional").GetDouble());
        Assert.False(reading.Definition.Document.GetProperty("sizing").TryGetProperty("fraction", out _));
        var unused = Assert.Single(reading.Readings, key => key.Key == "risk_per_trade_pct");
        Assert.Equal("not used: order_size_usd sets the size, as in the original", unused.ReadAs);
        Assert.Equal(5, unused.Value!.GetValue<double>());
    }

    [Theory]
    [InlineData("fast_ema", "0", "must be a whole number from 1 to 10000.")]
    [InlineData("fast_ema", "10001", "must be a whole number from 1 to 10000.")]
    [InlineData("slow_ema", "20.5", "must be a whole number from 1 to 10000.")]
    [InlineData("slow_ema", "\"50\"", "must be a whole number from 1 to 10000.")]
    [InlineData("stop_loss_pct", "100", "must be a number from 0 to 99.99.")]
    [InlineData("stop_loss_pct", "-0.1", "must be a number from 0 to 99.99.")]
    [InlineData("take_profit_pct", "10001", "must be a number from 0 to 10000.")]
    [InlineData("trailing_stop_pct", "100", "must be a number from 0 to 99.99.")]
    [InlineData("max_positions", "0", "must be a whole number from 1 to 100.")]
    [InlineData("max_positions", "101", "must be a whole number from 1 to 100.")]
    [InlineData("risk_per_trade_pct", "0", "must be a number from 0.01 to 100.")]
    [InlineData("risk_per_trade_pct", "100.5", "must be a number from 0.01 to 100.")]
    [InlineData("order_size_usd", "0", "must be a number from 0.01 to 1000000000000.")]
    [InlineData("signal_exit", "1", "must be true or false.")]
    public void AKeyOutsideWhatTheOriginalMeantIsAnErrorNamingIt(string key, string value, string message)
    {
        var errors = new Dictionary<string, string[]>();

        var reading = OriginalConfig.Read(JsonNode.Parse($$"""{"type": "ema_crossover", "{{key}}": {{value}}}""")!.AsObject(), errors);

        Assert.Null(reading);
        Assert.Equal([$"config.{key}"], errors.Keys);
        Assert.Equal([message], errors[$"config.{key}"]);
    }

    [Theory]
    [InlineData("rsi_period", "1", "must be a whole number from 2 to 1000.")]
    [InlineData("rsi_period", "1001", "must be a whole number from 2 to 1000.")]
    [InlineData("rsi_oversold", "-1", "must be a number from 0 to 100.")]
    [InlineData("rsi_overbought", "101", "must be a number from 0 to 100.")]
    [InlineData("ma_period", "0", "must be a whole number from 1 to 10000.")]
    public void AnRsiKeyOutsideItsBoundsIsAnErrorNamingIt(string key, string value, string message)
    {
        var errors = new Dictionary<string, string[]>();

        Assert.Null(OriginalConfig.Read(JsonNode.Parse($$"""{"type": "rsi", "{{key}}": {{value}}}""")!.AsObject(), errors));
        Assert.Equal([message], errors[$"config.{key}"]);
    }

    [Theory]
    [InlineData("""{"type": "macd"}""")]
    [InlineData("""{"type": 3}""")]
    public void OnlyTheOriginalsTwoTypesAreRead(string config)
    {
        var errors = new Dictionary<string, string[]>();

        Assert.Null(OriginalConfig.Read(JsonNode.Parse(config)!.AsObject(), errors));
        Assert.Equal(["the original system ran type ema_crossover or rsi."], errors["config.type"]);
    }

    [Theory]
    [InlineData("""{"fast": 5}""", false)]
    [InlineData("""{"stop_loss_pct": 2}""", false)]
    [InlineData("""{"signal_exit": true}""", true)]
    [InlineData("""{"order_size_usd": 100}""", true)]
    [InlineData("""{"type": "rsi"}""", true)]
    [InlineData("""{"fast_ema": 5}""", true)]
    [InlineData("""{"slow_ema": 50}""", true)]
    [InlineData("""{"rsi_period": 14}""", true)]
    [InlineData("""{"rsi_oversold": 30}""", true)]
    [InlineData("""{"rsi_overbought": 70}""", true)]
    [InlineData("""{"ma_period": 200}""", true)]
    [InlineData("""{"trailing_stop_pct": 1}""", true)]
    [InlineData("""{"max_positions": 2}""", true)]
    [InlineData("""{"risk_per_trade_pct": 2}""", true)]
    [InlineData("""{"fast": 5, "slow": 20, "max_positions": 2}""", true)]
    public void OnlyTheOriginalsOwnKeysMarkAnOriginalConfiguration(string config, bool original)
    {
        Assert.Equal(original, OriginalConfig.Uses(JsonNode.Parse(config)!.AsObject()));
        Assert.False(OriginalConfig.Uses(null));
    }

    [Theory]
    [InlineData("""{"type": "ema_crossover", "fast_ema": 10000, "slow_ema": 10000, "stop_loss_pct": 99.99, "take_profit_pct": 10000, "trailing_stop_pct": 99.99, "max_positions": 100, "risk_per_trade_pct": 100}""")]
    [InlineData("""{"type": "rsi", "rsi_period": 1000, "rsi_oversold": 100, "rsi_overbought": 100, "ma_period": 10000, "order_size_usd": 1000000000000}""")]
    [InlineData("""{"type": "rsi", "rsi_period": 2, "rsi_oversold": 0, "rsi_overbought": 0, "ma_period": 1, "stop_loss_pct": 0, "order_size_usd": 0.01}""")]
    public void EveryKeyAcceptsItsBounds(string config)
    {
        var errors = new Dictionary<string, string[]>();

        Assert.NotNull(OriginalConfig.Read(JsonNode.Parse(config)!.AsObject(), errors));
        Assert.Empty(errors);
    }

    [Fact]
    public void EveryKeyOfAnEmptyEmaConfigurationSaysHowItWasRead()
    {
        var reading = Read("""{"type": "ema_crossover"}""");

        Assert.Equal(
            [
                "type: ema_crossover: long when the fast EMA crosses above the slow EMA, short when it crosses below",
                "fast_ema: the fast EMA period in bars (the original's default 50)",
                "slow_ema: the slow EMA period in bars (the original's default 200)",
                "signal_exit: close on the opposite signal (the original's default false)",
                "stop_loss_pct: stop loss in percent of the entry price (0 turns it off) (the original's default 2)",
                "take_profit_pct: take profit in percent of the entry price (0 turns it off) (the original's default 5)",
                "trailing_stop_pct: trailing stop in percent from the best price since entry (0 turns it off) (the original's default 0)",
                "max_positions: entries one position may take (pyramiding) (the original's default 1)",
                "risk_per_trade_pct: percent of equity committed per entry (position value = equity × pct × leverage) (the original's default 2)",
            ],
            reading.Readings.Select(key => $"{key.Key}: {key.ReadAs}"));
    }

    [Fact]
    public void EveryKeyOfAnRsiConfigurationSaysHowItWasRead()
    {
        var reading = Read("""{"type": "rsi", "rsi_period": 10, "rsi_oversold": 25, "rsi_overbought": 75, "ma_period": 100, "signal_exit": false, "order_size_usd": 500}""");

        Assert.Equal(
            [
                "type: rsi: long when the RSI is below rsi_oversold with the close above the ma_period SMA, short when it is above rsi_overbought with the close below it",
                "rsi_period: the RSI period in bars, as Wilder's RSI (the original averaged gains and losses simply)",
                "rsi_oversold: the RSI level below which longs open",
                "rsi_overbought: the RSI level above which shorts open",
                "ma_period: the period of the SMA trend filter: longs only above it, shorts only below",
                "signal_exit: close on the opposite signal",
                "stop_loss_pct: stop loss in percent of the entry price (0 turns it off) (the original's default 2)",
                "take_profit_pct: take profit in percent of the entry price (0 turns it off) (the original's default 5)",
                "trailing_stop_pct: trailing stop in percent from the best price since entry (0 turns it off) (the original's default 0)",
                "max_positions: entries one position may take (pyramiding) (the original's default 1)",
                "order_size_usd: a fixed notional in USDT per entry",
            ],
            reading.Readings.Select(key => $"{key.Key}: {key.ReadAs}"));
        Assert.Equal(
            ["type=\"rsi\"", "rsi_period=10", "rsi_oversold=25", "rsi_overbought=75", "ma_period=100", "signal_exit=false", "order_size_usd=500"],
            reading.Readings.Where(key => key.Value is not null).Select(key => $"{key.Key}={key.Value!.ToJsonString()}"));
    }

    private static OriginalReading Read(string config)
    {
        var errors = new Dictionary<string, string[]>();
        var reading = OriginalConfig.Read(JsonNode.Parse(config)!.AsObject(), errors);
        Assert.True(reading is not null, string.Join("; ", errors.Select(error => $"{error.Key}: {string.Join(' ', error.Value)}")));
        return reading;
    }

    private static void AssertDocument(string expected, OriginalReading reading) =>
        Assert.True(
            JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(reading.Definition.Document.GetRawText())),
            reading.Definition.Document.GetRawText());
}
