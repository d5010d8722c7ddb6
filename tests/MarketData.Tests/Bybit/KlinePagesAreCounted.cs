using Platform.Engine.Data;
using Platform.MarketData.Bybit;

namespace Platform.MarketData.Tests.Bybit;

public sealed class KlinePagesAreCounted
{
    private const long Minute = 60_000;
    private static readonly long Start = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

    [Theory]
    [InlineData(1, 1)]
    [InlineData(1_000, 1)]
    [InlineData(1_001, 2)]
    [InlineData(20_000, 20)]
    public void AlignedRangesTakeOnePagePerThousandBars(int bars, int pages) =>
        Assert.Equal(pages, BybitClient.CountPages(Interval.Parse("1"), Start, Start + (bars - 1) * Minute));

    [Fact]
    public void AnUnalignedStartSkipsTheBarItFallsIn() =>
        Assert.Equal(1, BybitClient.CountPages(Interval.Parse("1"), Start + 1, Start + 1_000 * Minute));

    [Fact]
    public void AnEndBeforeTheStartTakesNoPage() =>
        Assert.Equal(0, BybitClient.CountPages(Interval.Parse("60"), Start, Start - 1));

    [Fact]
    public void CalendarMonthsAreCountedByMonth()
    {
        var from = new DateTimeOffset(1930, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        var to = new DateTimeOffset(2013, 4, 15, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

        // 1930-01 to 2013-04 is 83 years and 4 months: 1000 bars, one page; May 2013 would be the 1001st.
        Assert.Equal(1, BybitClient.CountPages(Interval.Parse("M"), from, to));
        Assert.Equal(2, BybitClient.CountPages(Interval.Parse("M"), from, to + 30 * 1_440 * Minute));
    }
}
