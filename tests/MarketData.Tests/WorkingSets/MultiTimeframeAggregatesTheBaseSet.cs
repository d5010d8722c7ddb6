using System.Net.Http.Json;
using Platform.MarketData.WorkingSets;

namespace Platform.MarketData.Tests.WorkingSets;

public sealed class MultiTimeframeAggregatesTheBaseSet : IClassFixture<MarketDataFactory>
{
    private const string Path = "/api/v1/marketdata/bybit/mtf";
    private const long Minute = FakeWorkingSet.Minute;

    private readonly MarketDataFactory _factory;
    private readonly CancellationToken _timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;

    public MultiTimeframeAggregatesTheBaseSet(MarketDataFactory factory)
    {
        _factory = factory;
        _factory.Bybit.Clock = () => FakeWorkingSet.Now;
    }

    [Fact]
    public async Task HigherIntervalsAreTheCompleteWindowsOfTheBaseSet()
    {
        var answer = await GetAsync($"{Path}?symbol=btcusdt");

        var minutes = FakeWorkingSet.NewestClosed("BTCUSDT", Minute, 500);
        Assert.Equal("BTCUSDT", answer.Symbol);
        Assert.Equal(["1", "15", "60"], answer.Intervals);
        Assert.Equal(minutes, answer.Data["1"]);
        // 500 minutes up to 10:06 start at 01:47: the 01:45 and 10:00 quarters and the 01:00 and 10:00 hours are incomplete.
        Assert.Equal(ByHand(minutes, 15, complete: true), answer.Data["15"]);
        Assert.Equal(32, answer.Data["15"].Count);
        Assert.Equal(ByHand(minutes, 60, complete: true), answer.Data["60"]);
        Assert.Equal(8, answer.Data["60"].Count);
    }

    [Fact]
    public async Task OnlyTheBaseIntervalIsFetched()
    {
        await GetAsync($"{Path}?symbol=ONEFETCHUSDT&intervals=60,15,240");

        var request = Assert.Single(_factory.Bybit.RequestsFor("ONEFETCHUSDT"));
        Assert.Equal("15", request.Query["interval"]);
    }

    [Fact]
    public async Task IncludePartialAddsTheWindowsTheBaseCoversInPart()
    {
        var answer = await GetAsync($"{Path}?symbol=PARTUSDT&intervals=1,60&include_partial=1");

        var minutes = FakeWorkingSet.NewestClosed("PARTUSDT", Minute, 500);
        Assert.Equal(ByHand(minutes, 60, complete: false), answer.Data["60"]);
        Assert.Equal(10, answer.Data["60"].Count);
        Assert.Equal(FakeWorkingSet.Now.ToUnixTimeSeconds() / 3600 * 3600, answer.Data["60"][^1].Time);
    }

    [Fact]
    public async Task AGivenBaseIsUsedAndTheListIsSortedByLength()
    {
        var answer = await GetAsync($"{Path}?symbol=BASEUSDT&intervals=4h,15,1h&base=15m");

        var quarters = FakeWorkingSet.NewestClosed("BASEUSDT", 15 * Minute, 500);
        Assert.Equal(["15", "60", "240"], answer.Intervals);
        Assert.Equal(quarters, answer.Data["15"]);
        Assert.Equal(ByHand(quarters, 240, complete: true), answer.Data["240"]);
    }

    [Fact]
    public async Task NotAlignedReturnsEachWorkingSetInTheGivenOrder()
    {
        var answer = await GetAsync($"{Path}?symbol=RAWUSDT&intervals=60,15&aligned=0");

        Assert.Equal(["60", "15"], answer.Intervals);
        Assert.Equal(FakeWorkingSet.NewestClosed("RAWUSDT", 60 * Minute, 500), answer.Data["60"]);
        Assert.Equal(FakeWorkingSet.NewestClosed("RAWUSDT", 15 * Minute, 500), answer.Data["15"]);
        Assert.Equal(["60", "15"], _factory.Bybit.RequestsFor("RAWUSDT").Select(request => request.Query["interval"]));
    }

    private async Task<MultiTimeframeResponse> GetAsync(string path) =>
        (await _factory.CreateClient().GetFromJsonAsync<MultiTimeframeResponse>(path, FakeWorkingSet.Json, _timeout))!;

    // The aggregation worked out independently: group minute bars by the window that contains them.
    private static List<WorkingSetCandle> ByHand(IReadOnlyList<WorkingSetCandle> bars, int windowMinutes, bool complete)
    {
        var baseMinutes = (bars[1].Time - bars[0].Time) / 60;
        return
        [
            .. bars.GroupBy(bar => bar.Time - bar.Time % (windowMinutes * 60))
                .Where(window => !complete || window.Count() == windowMinutes / baseMinutes)
                .Select(window => new WorkingSetCandle(
                    window.Key,
                    window.First().Open,
                    window.Max(bar => bar.High),
                    window.Min(bar => bar.Low),
                    window.Last().Close,
                    window.Sum(bar => bar.Volume))),
        ];
    }
}
