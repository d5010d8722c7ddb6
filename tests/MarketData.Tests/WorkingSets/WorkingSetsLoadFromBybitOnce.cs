using Platform.Testing;
using System.Net;
using System.Net.Http.Json;
using Dapper;
using Npgsql;
using Platform.MarketData.WorkingSets;
using Platform.Testing.FakeBybit;

namespace Platform.MarketData.Tests.WorkingSets;

public sealed class WorkingSetsLoadFromBybitOnce : IClassFixture<MarketDataFactory>
{
    private const string Path = "/api/v1/marketdata/bybit/klines/working";
    private const long Quarter = 15 * FakeWorkingSet.Minute;

    private readonly MarketDataFactory _factory;
    private readonly CancellationToken _timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;

    public WorkingSetsLoadFromBybitOnce(MarketDataFactory factory)
    {
        _factory = factory;
        _factory.Bybit.Clock = () => FakeWorkingSet.Now;
    }

    [Fact]
    public async Task TheFirstReadIsTheNewest500ClosedCandlesAscending()
    {
        var workingSet = await GetAsync($"{Path}?symbol=btcusdt");

        Assert.Equal(FakeWorkingSet.NewestClosed("BTCUSDT", Quarter, 500), workingSet);
        var request = Assert.Single(_factory.Bybit.RequestsFor("BTCUSDT"));
        Assert.Equal("15", request.Query["interval"]);
        Assert.Equal(1000, request.Number("limit"));
    }

    [Fact]
    public async Task TheFetchedClosedCandlesAreStored()
    {
        await GetAsync($"{Path}?symbol=STOREDUSDT&interval=15");

        await using var connection = new NpgsqlConnection(_factory.DatabaseConnectionString);
        var stored = (await connection.QueryAsync<(long OpenTime, string Source)>(new CommandDefinition(
            "SELECT open_time, source FROM candles WHERE symbol = 'STOREDUSDT' AND interval = '15' ORDER BY open_time",
            cancellationToken: _timeout))).ToList();
        var newest = FakeWorkingSet.NewestClosed("STOREDUSDT", Quarter, 1)[0].Time * 1000;
        Assert.Equal(999, stored.Count);
        Assert.Equal(newest, stored[^1].OpenTime);
        Assert.All(stored, row => Assert.Equal("bybit", row.Source));
    }

    [Fact]
    public async Task LoadLimitIsTheSizeOfTheOneBybitRequest()
    {
        var workingSet = await GetAsync($"{Path}?symbol=LIMITUSDT&interval=1h&load_limit=200");

        Assert.Equal(FakeWorkingSet.NewestClosed("LIMITUSDT", 60 * FakeWorkingSet.Minute, 199), workingSet);
        var request = Assert.Single(_factory.Bybit.RequestsFor("LIMITUSDT"));
        Assert.Equal("60", request.Query["interval"]);
        Assert.Equal(200, request.Number("limit"));
    }

    [Fact]
    public async Task LaterReadsOnAnyReplicaComeFromRedis()
    {
        var first = await GetAsync($"{Path}?symbol=ETHUSDT");
        using var otherReplica = _factory.WithWebHostBuilder(_ => { });

        var again = await GetAsync($"{Path}?symbol=ETHUSDT");
        var onOtherReplica = await otherReplica.CreateClient(Caller.Admin).GetFromJsonAsync<WorkingSetCandle[]>($"{Path}?symbol=ETHUSDT", FakeWorkingSet.Json, _timeout);

        Assert.Equal(first, again);
        Assert.Equal(first, onOtherReplica);
        Assert.Single(_factory.Bybit.RequestsFor("ETHUSDT"));
    }

    [Fact]
    public async Task ConcurrentFirstReadsSendOneBybitRequest()
    {
        _factory.Bybit.Enqueue(FakeFault.Delay(TimeSpan.FromMilliseconds(500)), FakeBybitServer.KlinePath, "RACEUSDT");
        using var otherReplica = _factory.WithWebHostBuilder(_ => { });
        HttpClient[] clients = [_factory.CreateClient(Caller.Admin), _factory.CreateClient(Caller.Admin), otherReplica.CreateClient(Caller.Admin), otherReplica.CreateClient(Caller.Admin)];

        var workingSets = await Task.WhenAll(clients.Select(client =>
            client.GetFromJsonAsync<WorkingSetCandle[]>($"{Path}?symbol=RACEUSDT", FakeWorkingSet.Json, _timeout)));

        Assert.All(workingSets, workingSet => Assert.Equal(FakeWorkingSet.NewestClosed("RACEUSDT", Quarter, 500), workingSet));
        Assert.Single(_factory.Bybit.RequestsFor("RACEUSDT"));
    }

    [Fact]
    public async Task AnUnknownSymbolIsTheBybitErrorNotAnEmptySet()
    {
        _factory.Bybit.AddUnknownSymbol("NOPEUSDT");

        using var response = await _factory.CreateClient(Caller.Admin).GetAsync($"{Path}?symbol=NOPEUSDT", _timeout);

        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.Equal("Bybit does not list the symbol 'NOPEUSDT' (retCode 10001: Not supported symbols).", problem.GetProperty("detail").GetString());
        Assert.Equal("NOPEUSDT", problem.GetProperty("symbol").GetString());
    }

    private async Task<WorkingSetCandle[]> GetAsync(string path) =>
        (await _factory.CreateClient(Caller.Admin).GetFromJsonAsync<WorkingSetCandle[]>(path, FakeWorkingSet.Json, _timeout))!;
}
