using System.Diagnostics;
using System.Text.Json.Nodes;
using Platform.Backtests.Charts;

namespace Platform.Backtests.Tests.Reports;

public sealed class ZzTimingScratch
{
    [Fact]
    public async Task Time()
    {
        var start = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var curve = new JsonArray();
        for (var i = 0; i < 1_000_000; i++) curve.Add(new JsonObject { ["timestamp"] = start.AddHours(i).ToString("yyyy-MM-ddTHH:mm:ss+00:00"), ["equity"] = 10000.0 + i % 977 });
        var json = new JsonObject { ["equity_curve"] = curve }.ToJsonString();
        var clock = Stopwatch.StartNew();
        var input = ReportSamples.Read(json);
        var parse = clock.Elapsed;
        var fig = PlotlyFigures.Build(ChartKind.EquityCurve, input).ToJsonString();
        var figure = clock.Elapsed - parse;
        clock.Restart();
        var png = ChartImages.Png(ChartKind.EquityCurve, input);
        await File.WriteAllTextAsync("/tmp/timing.txt", $"json {json.Length} parse {parse.TotalMilliseconds} ms, figure {figure.TotalMilliseconds} ms, png {clock.Elapsed.TotalMilliseconds} ms; {input.Equity.Time[1] - input.Equity.Time[0]}");
        await File.WriteAllBytesAsync("/tmp/chart-hist.png", ChartImages.Png(ChartKind.PnlDistribution, ReportSamples.Generated(300)));
    }
}
