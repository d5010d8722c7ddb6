using Microsoft.AspNetCore.Http.Headers;

namespace Platform.MarketData.Candles;

/// <summary>The encodings of <c>GET /api/v1/marketdata/candles</c> (docs/api-behaviour.md, 4.16).</summary>
internal enum CandlePageFormat
{
    Json,
    Csv,
    Binary,
}

internal static class CandlePageFormats
{
    public static readonly string[] Names = ["json", "csv", "binary"];

    /// <summary>
    /// <c>format</c> when given (an exact name, else false); otherwise the <c>Accept</c> media type of highest quality that
    /// names one of the three, JSON when none does: the rule of the equity stream (docs/api-behaviour.md, 2.14).
    /// </summary>
    public static bool TryChoose(string? name, RequestHeaders headers, out CandlePageFormat format)
    {
        if (name is not null)
        {
            var index = Array.IndexOf(Names, name);
            format = (CandlePageFormat)Math.Max(index, 0);
            return index >= 0;
        }

        format = CandlePageFormat.Json;
        foreach (var accepted in headers.Accept.Where(value => value.Quality != 0).OrderByDescending(value => value.Quality ?? 1))
        {
            if (accepted.MediaType.Equals(CandleFormats.Binary, StringComparison.OrdinalIgnoreCase))
            {
                format = CandlePageFormat.Binary;
                return true;
            }
            if (accepted.MediaType.Equals(CandleFormats.Csv, StringComparison.OrdinalIgnoreCase))
            {
                format = CandlePageFormat.Csv;
                return true;
            }
            if (accepted.MediaType.Equals(CandleFormats.Json, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return true;
    }

    /// <summary>
    /// The most candles one page may hold: it bounds how long a request holds a database connection and how much one answer
    /// weighs. Binary rows cost about half what JSON rows do, in under half the bytes, so a page of ten times the rows stays
    /// near half a second and 5.6 MB, and a program reads a year of one-minute bars in 6 requests (docs/api-behaviour.md, 4.16).
    /// </summary>
    public static int MaxLimit(CandlePageFormat format) => format == CandlePageFormat.Binary ? 100_000 : 10_000;
}
