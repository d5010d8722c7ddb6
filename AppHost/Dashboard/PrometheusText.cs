using System.Globalization;

namespace Platform.AppHost.Dashboard;

/// <summary>The samples of a Prometheus text exposition: <c>name{labels} value [timestamp]</c> per line.</summary>
public static class PrometheusText
{
    public static IReadOnlyList<MetricSample> Parse(string text)
    {
        var samples = new List<MetricSample>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }
            var labelsEnd = line.LastIndexOf('}');
            var nameEnd = labelsEnd >= 0 ? line.IndexOf('{') : line.IndexOf(' ');
            var valueStart = labelsEnd >= 0 ? labelsEnd + 1 : nameEnd;
            if (nameEnd <= 0)
            {
                continue;
            }
            var value = line[valueStart..].Trim().Split(' ')[0];
            if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                || TryParseInfinity(value, out number))
            {
                var labels = labelsEnd >= 0 ? line[(nameEnd + 1)..labelsEnd] : "";
                samples.Add(new MetricSample(line[..nameEnd], labels, number));
            }
        }
        return samples;
    }

    /// <summary>The value of one label, e.g. <c>le</c> of a histogram bucket.</summary>
    public static string? Label(string labels, string name)
    {
        var key = name + "=\"";
        var start = labels.StartsWith(key, StringComparison.Ordinal) ? 0 : labels.IndexOf("," + key, StringComparison.Ordinal) + 1;
        if (start < 0 || !labels.AsSpan(start).StartsWith(key, StringComparison.Ordinal))
        {
            return null;
        }
        start += key.Length;
        var end = labels.IndexOf('"', start);
        return end < 0 ? null : labels[start..end];
    }

    private static bool TryParseInfinity(string value, out double number)
    {
        number = value switch
        {
            "+Inf" => double.PositiveInfinity,
            "-Inf" => double.NegativeInfinity,
            _ => double.NaN,
        };
        return !double.IsNaN(number);
    }
}

public sealed record MetricSample(string Name, string Labels, double Value);
