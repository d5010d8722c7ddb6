using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Platform.Backtests.Charts;
using Platform.Backtests.Reports;
using Platform.Testing;

namespace Platform.Backtests.Bench;

/// <summary>Plotly figures of a million-bar equity curve, downsampled to the chart's point budget: median of five builds.</summary>
internal static class ChartBenchmark
{
    private const int Bars = 1_000_000;
    private const int Samples = 5;

    public static void Run()
    {
        var (time, equity) = EquityWalk.Hourly(Bars, seed: 5);
        var header = new ReportHeader(1, "BTCUSDT", "60", "SMA crossover", DateTime.UnixEpoch, DateTime.UnixEpoch.AddHours(Bars), 10_000);
        using var empty = JsonDocument.Parse("{}");
        var input = ReportInput.From(header, empty.RootElement, new EquitySeries(time, equity));

        foreach (var kind in (ChartKind[])[ChartKind.EquityCurve, ChartKind.DrawdownOverlay])
        {
            var seconds = new List<double>();
            var characters = 0;
            for (var sample = 0; sample <= Samples; sample++)
            {
                var clock = Stopwatch.StartNew();
                characters = PlotlyFigures.Build(kind, input).ToJsonString().Length;
                // The first build warms the code paths up and is not counted.
                if (sample > 0)
                {
                    seconds.Add(clock.Elapsed.TotalSeconds);
                }
            }
            seconds.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"case=chart_{kind.ToString().ToLowerInvariant()}_1m bars={Bars} median_seconds={seconds[Samples / 2]:F3} best_seconds={seconds[0]:F3} json_characters={characters}"));
        }
    }
}
