using Microsoft.AspNetCore.Http.Headers;

namespace Platform.Backtests.Equity;

/// <summary>The encodings of <c>GET /{id}/equity</c> (docs/api-behaviour.md, 2.14).</summary>
internal enum EquityFormat
{
    Json,
    Csv,
    Binary,
}

internal static class EquityFormats
{
    public static readonly string[] Names = ["json", "csv", "binary"];

    public const string JsonMediaType = "application/json";

    public const string CsvMediaType = "text/csv";

    /// <summary>Fixed-size little-endian rows in the manner of the candle feed's <c>application/x-platform-candles</c>.</summary>
    public const string BinaryMediaType = "application/x-platform-equity";

    public static string Invalid(string name) => $"Invalid format: {name}. Must be one of: {string.Join(", ", Names)}";

    /// <summary>
    /// <c>format</c> when given (an exact name, else false); otherwise the <c>Accept</c> media type of highest quality that
    /// names one of the three, JSON when none does.
    /// </summary>
    public static bool TryChoose(string? name, RequestHeaders headers, out EquityFormat format)
    {
        if (name is not null)
        {
            var index = Array.IndexOf(Names, name);
            format = (EquityFormat)Math.Max(index, 0);
            return index >= 0;
        }

        format = EquityFormat.Json;
        foreach (var accepted in headers.Accept.OrderByDescending(value => value.Quality ?? 1))
        {
            if (accepted.Quality == 0)
            {
                continue;
            }
            if (accepted.MediaType.Equals(BinaryMediaType, StringComparison.OrdinalIgnoreCase))
            {
                format = EquityFormat.Binary;
                return true;
            }
            if (accepted.MediaType.Equals(CsvMediaType, StringComparison.OrdinalIgnoreCase))
            {
                format = EquityFormat.Csv;
                return true;
            }
            if (accepted.MediaType.Equals(JsonMediaType, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return true;
    }
}
