using System.Globalization;
using System.Text.Json.Nodes;
using CsvHelper;
using Platform.Backtests.Reports;

namespace Platform.Backtests.Tests.Reports;

/// <summary>
/// The sample result documents: three closed trades (long, short, long) and an open short, an equity curve of five
/// hours, once in the engine's spelling and once in the hand-written one.
/// </summary>
internal static class ReportSamples
{
    public static readonly ReportHeader Header = new(
        7, "BTCUSDT", "60", "SMA crossover", new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2025, 1, 3, 0, 0, 0, DateTimeKind.Utc), 10_000);

    public static string Text(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Reports", "Samples", name));

    public static ReportInput Engine() => ReportInput.From(Header, Text("engine_result.json"));

    public static ReportInput Legacy() => ReportInput.From(Header, Text("legacy_result.json"));

    public static ReportInput Read(string resultsJson) => ReportInput.From(Header, resultsJson);

    /// <summary>A token that gives up after ten seconds.</summary>
    public static CancellationToken Soon() => new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token;

    public static async Task<byte[]> ExportAsync(ReportType type, ReportInput input)
    {
        using var output = new MemoryStream();
        await ReportExporter.WriteAsync(type, input, output, Soon());
        return output.ToArray();
    }

    /// <summary>Reads CSV back with CsvHelper, every row including the header.</summary>
    public static List<string[]> ParseCsv(byte[] csv)
    {
        using var parser = new CsvParser(new StreamReader(new MemoryStream(csv)), CultureInfo.InvariantCulture);
        List<string[]> rows = [];
        while (parser.Read())
        {
            rows.Add(parser.Record!);
        }

        return rows;
    }

    public static async Task<List<string[]>> CsvAsync(ReportType type, ReportInput input) => ParseCsv(await ExportAsync(type, input));

    /// <summary>
    /// A generated run: <paramref name="trades"/> alternating long/short trades an hour apart, wins and losses in turn,
    /// and an hourly equity curve that follows them.
    /// </summary>
    public static ReportInput Generated(int trades)
    {
        var start = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var list = new JsonArray();
        var curve = new JsonArray();
        var equity = 10_000.0;
        for (var i = 0; i < trades; i++)
        {
            var pnl = i % 3 == 0 ? -40.0 - i % 7 : 55.0 + i % 11;
            equity += pnl;
            list.Add(new JsonObject
            {
                ["entry_time"] = start.AddHours(i).ToString("O"),
                ["exit_time"] = start.AddHours(i + 0.5).ToString("O"),
                ["side"] = i % 2 == 0 ? "long" : "short",
                ["entry_price"] = 100.0 + i,
                ["exit_price"] = 100.0 + i + pnl / 10,
                ["quantity"] = 10,
                ["pnl"] = pnl,
                ["pnl_pct"] = pnl / 10,
                ["commission"] = 0.6,
                ["bars_held"] = 1 + i % 5,
                ["exit_reason"] = pnl > 0 ? "take_profit" : "stop_loss",
            });
            curve.Add(new JsonObject { ["timestamp"] = start.AddHours(i + 1).ToString("O"), ["equity"] = equity });
        }

        return Read(new JsonObject { ["trades"] = list, ["equity_curve"] = curve }.ToJsonString());
    }
}
