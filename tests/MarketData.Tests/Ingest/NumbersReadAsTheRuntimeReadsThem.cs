using System.Globalization;
using Platform.MarketData.Ingest;

namespace Platform.MarketData.Tests.Ingest;

/// <summary>The number cells' reader gives exactly the runtime parser's value and verdict, bit for bit.</summary>
public sealed class NumbersReadAsTheRuntimeReadsThem
{
    [Theory]
    [InlineData("0")]
    [InlineData("-0")]
    [InlineData("-0.0")]
    [InlineData("42")]
    [InlineData("27123.45")]
    [InlineData("0.1")]
    [InlineData("0.000001234")]
    [InlineData("1.")]
    [InlineData(".5")]
    [InlineData("-.5")]
    [InlineData("9007199254740992")]
    [InlineData("9007199254740993")]
    [InlineData("1234567890123456789")]
    [InlineData("12345678901234567890")]
    [InlineData("0.1234567890123456789012")]
    [InlineData("0.12345678901234567890123")]
    [InlineData("1e5")]
    [InlineData("1.5E-3")]
    [InlineData("+3.25")]
    [InlineData(" 3.25 ")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("-Infinity")]
    [InlineData("1,5")]
    [InlineData("1.2.3")]
    [InlineData("--1")]
    [InlineData("-")]
    [InlineData(".")]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("١٢٣")]
    public void EdgeCases(string text) => AssertSameAsRuntime(text);

    [Fact]
    public void RandomDecimals()
    {
        var random = new Random(20261206);
        for (var i = 0; i < 200_000; i++)
        {
            var whole = RandomDigits(random, random.Next(0, 12));
            var fraction = RandomDigits(random, random.Next(0, 24));
            var text = (random.Next(4) == 0 ? "-" : "") + whole + (random.Next(5) == 0 ? "" : "." + fraction);
            AssertSameAsRuntime(text);
        }
    }

    [Fact]
    public void PricesPrintedByTheRuntimeComeBackUnchanged()
    {
        var random = new Random(7);
        for (var i = 0; i < 200_000; i++)
        {
            var price = Math.Round(random.NextDouble() * Math.Pow(10, random.Next(-6, 9)), random.Next(0, 10));
            var text = price.ToString(CultureInfo.InvariantCulture);
            Assert.True(DecimalText.TryParse(text, out var parsed), text);
            Assert.Equal(BitConverter.DoubleToInt64Bits(price), BitConverter.DoubleToInt64Bits(parsed));
        }
    }

    private static void AssertSameAsRuntime(string text)
    {
        var expected = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var runtime);
        var actual = DecimalText.TryParse(text, out var parsed);
        Assert.True(expected == actual, $"'{text}': runtime {expected}, reader {actual}");
        Assert.True(
            BitConverter.DoubleToInt64Bits(runtime) == BitConverter.DoubleToInt64Bits(parsed),
            $"'{text}': runtime {runtime:R}, reader {parsed:R}");
    }

    private static string RandomDigits(Random random, int count) =>
        string.Create(count, random, static (span, random) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = (char)('0' + random.Next(10));
            }
        });
}
