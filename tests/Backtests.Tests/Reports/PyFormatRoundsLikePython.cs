using Platform.Backtests.Reports;

namespace Platform.Backtests.Tests.Reports;

/// <summary>What Python's f"{x:.Nf}" prints, checked against CPython by hand.</summary>
public sealed class PyFormatRoundsLikePython
{
    [Theory]
    [InlineData(0.125, 2, "0.12")]
    [InlineData(0.375, 2, "0.38")]
    [InlineData(0.5, 0, "0")]
    [InlineData(1.5, 0, "2")]
    [InlineData(2.5, 0, "2")]
    [InlineData(-2.5, 0, "-2")]
    [InlineData(0.25, 1, "0.2")]
    [InlineData(2.675, 2, "2.67")]
    [InlineData(1.005, 2, "1.00")]
    [InlineData(1.0051, 2, "1.01")]
    [InlineData(1234.5678, 3, "1234.568")]
    [InlineData(1000, 6, "1000.000000")]
    [InlineData(-27.8, 2, "-27.80")]
    public void RoundsExactTiesToEven(double value, int decimals, string expected) =>
        Assert.Equal(expected, PyFormat.Fixed(value, decimals));

    [Theory]
    [InlineData(double.PositiveInfinity, "inf")]
    [InlineData(double.NegativeInfinity, "-inf")]
    [InlineData(double.NaN, "nan")]
    public void PrintsNonFiniteValuesAsPythonDoes(double value, string expected) =>
        Assert.Equal(expected, PyFormat.Fixed(value, 2));
}
