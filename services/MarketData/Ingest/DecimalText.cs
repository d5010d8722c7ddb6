using System.Runtime.CompilerServices;
using System.Globalization;

namespace Platform.MarketData.Ingest;

/// <summary>
/// Reads a number cell as <see cref="double.TryParse(ReadOnlySpan{char}, NumberStyles, IFormatProvider, out double)"/>
/// does with <see cref="NumberStyles.Float"/> and the invariant culture, giving the same value, faster for the plain
/// decimals candle files hold (docs/csv-numbers.md).
/// </summary>
internal static class DecimalText
{
    /// <summary>The largest integer up to which every integer is a double: a mantissa up to it is exact.</summary>
    private const ulong ExactMantissa = 1UL << 53;

    /// <summary>Powers of ten that are doubles exactly (10^22 is the last).</summary>
    private static readonly double[] ExactPowersOfTen =
    [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20,
        1e21, 1e22,
    ];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryParse(ReadOnlySpan<char> text, out double value) =>
        TryParsePlain(text, out value)
        || double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    /// <summary>
    /// An optional minus sign, digits, and an optional point with more digits: the digits as one integer, divided by the
    /// power of ten of the fraction's length. When both are exact doubles, the one division rounds correctly, as the
    /// runtime's parser does; anything else (exponents, spaces, a plus sign, long mantissas) is left to the runtime.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryParsePlain(ReadOnlySpan<char> text, out double value)
    {
        value = 0;
        var position = text is ['-', ..] ? 1 : 0;
        ulong mantissa = 0;
        var digits = 0;
        var fractionDigits = -1;
        for (; position < text.Length; position++)
        {
            var digit = (uint)(text[position] - '0');
            if (digit <= 9)
            {
                // Nineteen digits always fit in an unsigned long; longer mantissas are not exact anyway.
                if (++digits > 19)
                {
                    return false;
                }
                mantissa = mantissa * 10 + digit;
                if (fractionDigits >= 0)
                {
                    fractionDigits++;
                }
            }
            else if (text[position] == '.' && fractionDigits < 0)
            {
                fractionDigits = 0;
            }
            else
            {
                return false;
            }
        }
        if (digits == 0 || mantissa > ExactMantissa || fractionDigits >= ExactPowersOfTen.Length)
        {
            return false;
        }
        var magnitude = fractionDigits > 0 ? mantissa / ExactPowersOfTen[fractionDigits] : mantissa;
        value = text[0] == '-' ? -magnitude : magnitude;
        return true;
    }
}
