using System.Globalization;
using System.Text;

namespace Platform.MarketData.Bench;

/// <summary>Writes one-minute candles in the generic upload layout: a seeded random walk, so every run parses the same file.</summary>
internal static class CsvGenerator
{
    private const long MinuteMs = 60_000;
    private const int Seed = 42;

    /// <summary>Writes <paramref name="rows"/> candles opening every minute from <paramref name="startMs"/> (a minute boundary).</summary>
    public static void Write(string path, int rows, long startMs)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        if (startMs % MinuteMs != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(startMs), startMs, "the first open time must be a minute boundary");
        }

        var random = new Random(Seed);
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        writer.Write("open_time,open,high,low,close,volume,turnover\n");
        Span<char> line = stackalloc char[256];
        var price = 30_000.0;
        for (var i = 0; i < rows; i++)
        {
            // Rounding is monotonic, so rounded highs and lows still bound the rounded open and close.
            var open = Math.Round(price, 2);
            price *= Math.Exp((random.NextDouble() - 0.5) * 0.004);
            var close = Math.Round(price, 2);
            var high = Math.Round(Math.Max(open, close) * (1 + random.NextDouble() * 0.001), 2);
            var low = Math.Round(Math.Min(open, close) * (1 - random.NextDouble() * 0.001), 2);
            var volume = Math.Round(random.NextDouble() * 100, 4);
            var turnover = Math.Round(volume * close, 2);
            line.TryWrite(CultureInfo.InvariantCulture, $"{startMs + i * MinuteMs},{open},{high},{low},{close},{volume},{turnover}\n", out var written);
            writer.Write(line[..written]);
        }
    }
}
