using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using Platform.Engine.Data;
using Platform.MarketData.Markets;

namespace Platform.MarketData.Candles;

/// <summary>
/// Where a page of <c>GET /api/v1/marketdata/candles</c> ended: the open time of its last candle, so the next page starts
/// after it whatever was stored meanwhile (docs/api-behaviour.md, 4.16). It names its series, so that a cursor handed to
/// another symbol or interval is refused instead of reading that series from a position it never had.
/// </summary>
internal sealed record CandleCursor(string Symbol, string IntervalCode, long After)
{
    private const string Version = "1";

    /// <summary>A version, a 32-character symbol, a 3-character interval and 15 digits, base64url: well below this.</summary>
    private const int MaxLength = 96;

    /// <summary>Base64url of <c>1:SYMBOL:INTERVAL:AFTER</c>: opaque to clients, safe in a query string and a header.</summary>
    public string Encode() =>
        Base64Url.EncodeToString(Encoding.ASCII.GetBytes(string.Join(':', Version, Symbol, IntervalCode, After.ToString(CultureInfo.InvariantCulture))));

    public static bool TryParse(string value, [NotNullWhen(true)] out CandleCursor? cursor)
    {
        cursor = null;
        Span<byte> bytes = stackalloc byte[MaxLength];
        if (value.Length > MaxLength || !Base64Url.IsValid(value) || !Base64Url.TryDecodeFromChars(value, bytes, out var length))
        {
            return false;
        }
        var parts = Encoding.ASCII.GetString(bytes[..length]).Split(':');
        if (parts is not [Version, var symbol, var interval, var after]
            || !long.TryParse(after, NumberStyles.None, CultureInfo.InvariantCulture, out var openTime)
            || openTime > TimeParameter.MaxMs)
        {
            return false;
        }
        cursor = new CandleCursor(symbol, interval, openTime);
        return true;
    }

    /// <summary>Whether the cursor was given for this series; its symbol and interval are compared as written, in the stored forms.</summary>
    public bool Continues(string symbol, Interval interval) => Symbol == symbol && IntervalCode == interval.Code;
}
