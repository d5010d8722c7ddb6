using System.Globalization;
using System.Numerics;

namespace Platform.Backtests.Reports;

/// <summary>
/// Formats numbers as Python's <c>f"{x:.Nf}"</c> did in the original reports (docs/api-behaviour.md, 2.11): the exact binary
/// value rounded to N decimals, exact ties to even (0.125 → "0.12", 0.5 → "0"), non-finite values as inf/-inf/nan.
/// .NET rounds those ties away from zero, so they are settled first.
/// </summary>
internal static class PyFormat
{
    public static string Fixed(double value, int decimals)
    {
        if (!double.IsFinite(value))
        {
            return double.IsNaN(value) ? "nan" : value > 0 ? "inf" : "-inf";
        }

        var settled = IsExactTie(value, decimals) ? Math.Round(value, decimals, MidpointRounding.ToEven) : value;
        return settled.ToString("F" + decimals, CultureInfo.InvariantCulture);
    }

    public static string Money(double value) => Fixed(value, 2);

    // A finite double is odd × 2^p; it lies exactly halfway between two N-decimal numbers when p = -(N + 1).
    private static bool IsExactTie(double value, int decimals)
    {
        if (value == 0)
        {
            return false;
        }

        var bits = BitConverter.DoubleToInt64Bits(value);
        var biased = (int)((bits >> 52) & 0x7FF);
        var mantissa = bits & 0xF_FFFF_FFFF_FFFFL;
        if (biased == 0)
        {
            biased = 1;
        }
        else
        {
            mantissa |= 1L << 52;
        }

        var power = biased - 1075 + BitOperations.TrailingZeroCount(mantissa);
        return power == -(decimals + 1);
    }
}
