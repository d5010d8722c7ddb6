using System.Text.Json;
using Platform.Backtests.Reports;
using Platform.Engine.Backtesting;

namespace Platform.Backtests.Tests.Reports;

public sealed class ReportInputReadsOddDocuments
{
    private static readonly DateTime Noon = new(2025, 1, 1, 12, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData("\"2025-01-01T12:00:00+00:00\"")]
    [InlineData("\"2025-01-01T14:00:00+02:00\"")]
    [InlineData("\"2025-01-01T12:00:00Z\"")]
    [InlineData("\"2025-01-01 12:00:00\"")]
    [InlineData("\"2025-01-01T12:00:00\"")]
    [InlineData("\"2025-01-01T07:00:00.000-05:00\"")]
    [InlineData("1735732800")]
    [InlineData("1735732800000")]
    [InlineData("\"1735732800000\"")]
    [InlineData("1735732800.0")]
    public void ReadsTimesAsIsoTextOrEpochSecondsOrMilliseconds(string time)
    {
        var input = ReportSamples.Read($$"""{"trades": [{"entry_time": {{time}}, "side": "long"}]}""");

        Assert.Equal(Noon, input.Trades[0].EntryTime);
    }

    [Theory]
    [InlineData("""{"trades": [{"entry_time": "next tuesday"}]}""", "Trade 1: 'entry_time'")]
    [InlineData("""{"trades": [{"entry_time": true}]}""", "Trade 1: 'entry_time'")]
    [InlineData("""{"trades": [{}, {"exit_time": 1e300}]}""", "Trade 2: 'exit_time'")]
    [InlineData("""{"equity": [{"time": "soon", "equity": 1}]}""", "Equity point 1: 'time'")]
    [InlineData("""{"equity_curve": [{"timestamp": "2025-01-01"}, {"equity": 5}]}""", "Equity point 2 has no time")]
    public void UnreadableTimesAreDataErrors(string json, string message)
    {
        var error = Assert.Throws<ReportDataException>(() => ReportSamples.Read(json));

        Assert.StartsWith(message, error.Message);
    }

    [Theory]
    [InlineData("""{"trades": [{"pnl": "a lot"}]}""", "Trade 1: 'pnl' must be a finite number")]
    [InlineData("""{"trades": [{"qty": [1]}]}""", "Trade 1: 'qty' must be a finite number")]
    [InlineData("""{"trades": [{"side": "sideways"}]}""", "Trade 1: 'side' must be long or short")]
    [InlineData("""{"trades": [7]}""", "Trade 1 must be an object")]
    [InlineData("""{"trades": {"a": 1}}""", "'trades' must be a list")]
    [InlineData("""{"equity": [3]}""", "Equity point 1 must be an object")]
    [InlineData("""[1, 2]""", "The result document must be a JSON object")]
    [InlineData("""{"trades": [""", "The result document is not valid JSON")]
    public void OtherUnreadableValuesAreDataErrors(string json, string message)
    {
        var error = Assert.Throws<ReportDataException>(() => ReportSamples.Read(json));

        Assert.StartsWith(message, error.Message);
    }

    [Theory]
    [InlineData("LONG", TradeSide.Long)]
    [InlineData("buy", TradeSide.Long)]
    [InlineData("Short", TradeSide.Short)]
    [InlineData("sell", TradeSide.Short)]
    public void ReadsEverySpellingOfTheSide(string side, TradeSide expected) =>
        Assert.Equal(expected, ReportSamples.Read($$"""{"trades": [{"side": "{{side}}"}]}""").Trades[0].Side);

    [Fact]
    public void MissingNumbersAreZeroAndMissingEquityIsZero()
    {
        var input = ReportSamples.Read("""{"trades": [{"exit_price": 3}], "equity": [{"time": 0}, {"time": 1000, "equity": null}]}""");

        var trade = input.Trades[0];
        Assert.Equal((0, 0, 0, TradeSide.Long), (trade.EntryPrice, trade.Quantity, trade.BarsHeld, trade.Side));
        Assert.Null(trade.Pnl);
        Assert.True(trade.IsClosed);
        Assert.Equal([0, 0], input.Equity.Equity);
    }

    [Fact]
    public void IgnoresWhatReportsDoNotUse()
    {
        var input = ReportSamples.Read("""{"trades": null, "equity": 10500, "metrics": {"net_profit": 5, "note": "x", "nested": {}}}""");

        Assert.Empty(input.Trades);
        Assert.Equal(0, input.Equity.Count);
        Assert.Equal(new Dictionary<string, double> { ["net_profit"] = 5 }, input.Metrics);
    }

    [Fact]
    public void AGivenEquityCurveReplacesTheDocuments()
    {
        using var document = JsonDocument.Parse(ReportSamples.Text("engine_result.json"));
        var curve = new EquitySeries([1, 2], [3, 4]);

        var input = ReportInput.From(ReportSamples.Header, document.RootElement, curve);

        Assert.Same(curve, input.Equity);
    }

    [Fact]
    public void KeepsTheDocumentAfterItsSourceIsDisposed()
    {
        ReportInput input;
        using (var document = JsonDocument.Parse(ReportSamples.Text("engine_result.json")))
        {
            input = ReportInput.From(ReportSamples.Header, document.RootElement);
        }

        Assert.Equal(4, input.Results.GetProperty("trades").GetArrayLength());
    }
}
