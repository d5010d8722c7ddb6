using Platform.Optimizations.MonteCarlo;

namespace Platform.Optimizations.Tests.MonteCarlo;

public sealed class StandardNormalMatchesTables
{
    [Theory]
    [InlineData(0, 0.5)]
    [InlineData(1.96, 0.9750021048517795)]
    [InlineData(-1, 0.15865525393145707)]
    [InlineData(-3, 0.0013498980316300957)]
    [InlineData(10, 1)]
    public void CdfWithinTwoUnitsOfTheFifteenthDecimal(double x, double expected) =>
        Assert.Equal(expected, StandardNormal.Cdf(x), 2e-15);

    [Fact]
    public void CdfKeepsItsRelativeAccuracyInTheTail() =>
        Assert.Equal(6.220960574271784e-16, StandardNormal.Cdf(-8), 1e-8 * 6.22e-16);

    [Theory]
    [InlineData(0.975, 1.959963984540054)]
    [InlineData(0.01, -2.3263478740408408)]
    [InlineData(0.5, 0)]
    [InlineData(1e-10, -6.361340902404056)]
    [InlineData(0.9999999, 5.199337582192817)]
    public void InverseCdfMatchesTheQuantiles(double p, double expected) =>
        Assert.Equal(expected, StandardNormal.InverseCdf(p), 1e-9);

    [Theory]
    [InlineData(0.001)]
    [InlineData(0.3)]
    [InlineData(0.77)]
    [InlineData(0.999)]
    public void InverseUndoesTheCdf(double p) =>
        Assert.Equal(p, StandardNormal.Cdf(StandardNormal.InverseCdf(p)), 1e-14);

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void InverseCdfRejectsTheBounds(double p) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => StandardNormal.InverseCdf(p));
}
