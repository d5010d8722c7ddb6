using System.Text.Json.Nodes;
using Platform.Backtests.Queue;
using Platform.Engine.Backtesting;

namespace Platform.Backtests.Tests.Queue;

public sealed class ResultsAreCheckedForConsistency
{
    private static ResultsRequest Valid(JsonObject? results = null) =>
        new(10_500, 0.05, 4, 2, 1, 0.5, 1.1, 0.1, 1.3, 2.5, results, null);

    [Fact]
    public void ConsistentMetricsPass() => Assert.Empty(Valid().Validate(10_000));

    [Fact]
    public void EveryMissingMetricIsNamed()
    {
        var errors = new ResultsRequest(null, null, null, null, null, null, null, null, null, null, null, null).Validate(10_000);

        Assert.Equal(
            ["final_capital", "total_return", "total_trades", "winning_trades", "losing_trades", "win_rate", "sharpe_ratio", "max_drawdown"],
            errors.Keys);
    }

    [Theory]
    [InlineData("final_capital")]
    [InlineData("total_trades")]
    [InlineData("win_rate")]
    [InlineData("max_drawdown")]
    [InlineData("sharpe_ratio")]
    [InlineData("profit_factor")]
    public void AnImpossibleValueIsNamed(string field)
    {
        var request = field switch
        {
            "final_capital" => Valid() with { FinalCapital = double.PositiveInfinity },
            "total_trades" => Valid() with { LosingTrades = -1 },
            "win_rate" => Valid() with { WinRate = 1.5 },
            "max_drawdown" => Valid() with { MaxDrawdown = -0.1 },
            "sharpe_ratio" => Valid() with { SortinoRatio = double.NaN },
            _ => Valid() with { ProfitFactor = -1 },
        };

        Assert.Equal([field], request.Validate(10_000).Keys);
    }

    [Fact]
    public void TradesInEitherSpellingAndAnEquityCurveBecomeRows()
    {
        var results = new JsonObject
        {
            ["trades"] = new JsonArray(
                new JsonObject { ["entry_time"] = 1_704_067_200_000, ["side"] = "buy", ["entry_price"] = 100, ["qty"] = 2, ["exit_reason"] = "a reason longer than twenty characters" },
                new JsonObject { ["entry_time"] = "2024-01-02T00:00:00Z", ["exit_time"] = "2024-01-02T05:00:00Z", ["side"] = "SHORT", ["entry_price"] = 100, ["quantity"] = 1, ["bars_held"] = 5 }),
            ["equity"] = new JsonArray(new JsonObject { ["time"] = 1_704_067_200_000 }, new JsonObject { ["time"] = "2024-01-02T00:00:00Z", ["equity"] = 10_100 }),
            ["note"] = "kept",
        };
        var errors = new Dictionary<string, string[]>();

        var outcome = Valid(results).ToOutcome(errors)!;

        Assert.Empty(errors);
        Assert.Equal([TradeSide.Long, TradeSide.Short], outcome.Trades.Select(trade => trade.Side));
        Assert.Equal(2, outcome.Trades[0].Quantity);
        Assert.Equal(20, outcome.Trades[0].ExitReason!.Length);
        Assert.Equal(5, outcome.Trades[1].BarsHeld);
        Assert.Equal([0, 10_100], outcome.Equity);
        Assert.DoesNotContain("trades", outcome.ResultsJson, StringComparison.Ordinal);
        Assert.Equal("kept", (string?)JsonNode.Parse(outcome.ResultsJson)!["note"]);
    }

    [Fact]
    public void RunUpAndDrawdownAreReadInEitherSpelling()
    {
        var results = new JsonObject
        {
            ["trades"] = new JsonArray(
                new JsonObject
                {
                    ["entry_time"] = 1_704_067_200_000, ["side"] = "long", ["entry_price"] = 100, ["quantity"] = 2,
                    ["run_up"] = 12, ["run_up_pct"] = 6, ["drawdown"] = 4, ["drawdown_pct"] = 2,
                },
                new JsonObject { ["entry_time"] = 1_704_067_200_000, ["side"] = "short", ["entry_price"] = 100, ["qty"] = 1, ["max_profit"] = 3, ["max_loss"] = 5 }),
        };

        var trades = Valid(results).ToOutcome(new Dictionary<string, string[]>())!.Trades;

        Assert.Equal([12.0, 6.0, 4.0, 2.0], new[] { trades[0].RunUp, trades[0].RunUpPct, trades[0].Drawdown, trades[0].DrawdownPct });
        Assert.Equal([3.0, null, 5.0, null], new[] { trades[1].RunUp, trades[1].RunUpPct, trades[1].Drawdown, trades[1].DrawdownPct });
        Assert.Equal(6.0, (double?)trades[0].ToJson()["run_up_pct"]);
    }

    [Fact]
    public void UnreadableTradesAndPointsAreNamedByIndex()
    {
        var results = new JsonObject
        {
            ["trades"] = new JsonArray(new JsonObject { ["entry_time"] = "yesterday", ["side"] = "long", ["entry_price"] = 1, ["quantity"] = 1 }, JsonValue.Create(3)),
            ["equity_curve"] = new JsonArray(new JsonObject { ["equity"] = 1 }),
        };
        var errors = new Dictionary<string, string[]>();

        Assert.Null(Valid(results).ToOutcome(errors));
        Assert.Equal(["results.trades[0]", "results.trades[1]", "results.equity_curve[0]"], errors.Keys);
    }

    [Fact]
    public void AnUnknownSideIsRefused()
    {
        var results = new JsonObject { ["trades"] = new JsonArray(new JsonObject { ["entry_time"] = 0, ["side"] = "flat", ["entry_price"] = 1, ["quantity"] = 1 }) };
        var errors = new Dictionary<string, string[]>();

        Assert.Null(Valid(results).ToOutcome(errors));
        Assert.Equal(["results.trades[0]"], errors.Keys);
    }
}
