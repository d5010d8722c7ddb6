using Platform.Backtests.Reports;

namespace Platform.Backtests.Tests.Reports;

public sealed class ListOfTradesFollowsTheContract
{
    [Fact]
    public async Task HasTheFifteenColumnsOfTheContract()
    {
        var rows = await ReportSamples.CsvAsync(ReportType.ListOfTrades, ReportSamples.Engine());

        Assert.Equal(
            [
                "Trade #", "Type", "Date/Time", "Signal", "Price USDT", "Position size (qty)", "Position size (value)",
                "Net P&L USDT", "Net P&L %", "Run-up USDT", "Run-up %", "Drawdown USDT", "Drawdown %",
                "Cumulative P&L USDT", "Cumulative P&L %",
            ],
            rows[0]);
    }

    [Fact]
    public async Task WritesAnEntryAndAnExitRowPerClosedTradeAndSkipsTheOpenOne()
    {
        var rows = await ReportSamples.CsvAsync(ReportType.ListOfTrades, ReportSamples.Engine());

        // Worked out by hand: value = entry × qty, run-up/drawdown % of the value, cumulative % of 10 000.
        Assert.Equal(
            [
                ["1", "Entry long", "2025-01-01 00:00", "buy", "100.000", "10.000", "1000.000000", "95.40", "9.54", "120.00", "12.00", "-30.00", "-3.00", "95.40", "0.95"],
                ["1", "Exit long", "2025-01-01 05:00", "Long Trail", "110.000", "10.000", "1000.000000", "95.40", "9.54", "120.00", "12.00", "-30.00", "-3.00", "95.40", "0.95"],
                ["2", "Entry short", "2025-01-01 09:00", "sell", "110.000", "5.000", "550.000000", "-27.80", "-5.05", "10.00", "1.82", "-25.00", "-4.55", "67.60", "0.68"],
                ["2", "Exit short", "2025-01-01 11:00", "Short Trail", "115.000", "5.000", "550.000000", "-27.80", "-5.05", "10.00", "1.82", "-25.00", "-4.55", "67.60", "0.68"],
                ["3", "Entry long", "2025-01-01 13:00", "buy", "120.000", "2.500", "300.000000", "14.20", "4.74", "16.00", "5.33", "-4.00", "-1.33", "81.80", "0.82"],
                ["3", "Exit long", "2025-01-01 20:00", "Long Trail", "126.000", "2.500", "300.000000", "14.20", "4.74", "16.00", "5.33", "-4.00", "-1.33", "81.80", "0.82"],
            ],
            rows.Skip(1));
    }

    [Fact]
    public async Task KeepsSignalsTheTradesNameAndQuotesCommas()
    {
        var input = ReportSamples.Read("""
            {"trades": [{"entry_time": "2025-03-01T10:00:00Z", "exit_time": "2025-03-01T12:00:00Z", "side": "long",
              "entry_price": 10, "exit_price": 11, "quantity": 1, "pnl": 1, "entry_signal": "cross, up", "exit_signal": "RSI \"70\""}]}
            """);

        var bytes = await ReportSamples.ExportAsync(ReportType.ListOfTrades, input);
        var rows = ReportSamples.ParseCsv(bytes);

        Assert.Equal("cross, up", rows[1][3]);
        Assert.Equal("RSI \"70\"", rows[2][3]);
        Assert.Contains("\"cross, up\"", System.Text.Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public async Task EndsLinesWithCrLfWithoutAByteOrderMark()
    {
        var bytes = await ReportSamples.ExportAsync(ReportType.ListOfTrades, ReportSamples.Engine());

        Assert.Equal((byte)'T', bytes[0]);
        Assert.StartsWith("Trade #,Type,Date/Time,Signal,Price USDT,", System.Text.Encoding.UTF8.GetString(bytes));
        Assert.Equal(7, System.Text.Encoding.UTF8.GetString(bytes).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
    }
}
