using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Platform.Engine.Data;
using Platform.MarketData.WorkingSets;
using Platform.Testing.FakeBybit;

namespace Platform.MarketData.Tests.WorkingSets;

public sealed class ResetReloadsWorkingSetsFromBybit : IClassFixture<MarketDataFactory>
{
    private const string Path = "/api/v1/marketdata/bybit/reset";
    private const long Quarter = 15 * FakeWorkingSet.Minute;
    private const long Hour = 60 * FakeWorkingSet.Minute;

    private static readonly FakeFault ParamsError = FakeFault.RetCode(10001, "params error");

    private readonly MarketDataFactory _factory;
    private readonly CancellationToken _timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;

    public ResetReloadsWorkingSetsFromBybit(MarketDataFactory factory)
    {
        _factory = factory;
        _factory.Bybit.Clock = () => FakeWorkingSet.Now;
    }

    [Fact]
    public async Task EachIntervalIsReloadedWithOneRequest()
    {
        await _factory.Services.GetRequiredService<WorkingSetStore>().ReplaceAsync(
            "RELOADUSDT", Interval.Parse("15"), [new(0, 1, 1, 1, 1, 1, null)], _timeout);

        var answer = await PostAsync([new("symbol", "reloadusdt"), new("intervals", "15,60"), new("load_limit", "300")]);

        Assert.Equal(["15", "60"], answer.Intervals);
        Assert.Equal(new Dictionary<string, int> { ["15"] = 299, ["60"] = 299 }, answer.RamWorkingSet);
        Assert.Equal(new IntervalReset(IntervalResetState.Reloaded, 299, null, null), answer.States["15"]);
        Assert.Equal(new IntervalReset(IntervalResetState.Reloaded, 299, null, null), answer.States["60"]);
        var store = _factory.Services.GetRequiredService<WorkingSetStore>();
        Assert.Equal(FakeWorkingSet.NewestClosed("RELOADUSDT", Quarter, 299), await store.GetAsync("RELOADUSDT", Interval.Parse("15"), _timeout));
        Assert.Equal(FakeWorkingSet.NewestClosed("RELOADUSDT", Hour, 299), await store.GetAsync("RELOADUSDT", Interval.Parse("60"), _timeout));
        Assert.Equal([300L, 300L], _factory.Bybit.RequestsFor("RELOADUSDT").Select(request => request.Number("limit")));
    }

    [Fact]
    public async Task PurgeWithReloadLeavesOnlyTheNewlyFetchedCandlesStored()
    {
        await _factory.CreateClient().GetStringAsync("/api/v1/marketdata/bybit/klines/working?symbol=PURGEUSDT", _timeout);

        var answer = await PostAsync([new("symbol", "PURGEUSDT"), new("intervals", "15"), new("purge", "1"), new("load_limit", "100")]);

        Assert.Equal(new IntervalReset(IntervalResetState.Reloaded, 99, 999, null), answer.States["15"]);
        await using var connection = new NpgsqlConnection(_factory.DatabaseConnectionString);
        Assert.Equal(99, await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT count(*) FROM candles WHERE symbol = 'PURGEUSDT' AND interval = '15'", cancellationToken: _timeout)));
    }

    [Fact]
    public async Task OneIntervalFailingIsReportedWhileTheOthersReload()
    {
        // Intervals are reset in order, so the one queued rejection hits 15; a rejection is never retried.
        _factory.Bybit.Enqueue(ParamsError, FakeBybitServer.KlinePath, "HALFUSDT");

        var answer = await PostAsync([new("symbol", "HALFUSDT"), new("intervals", "15,60")]);

        Assert.Equal(new IntervalReset(IntervalResetState.Failed, 0, null, "retCode 10001: params error"), answer.States["15"]);
        Assert.Equal(new IntervalReset(IntervalResetState.Reloaded, 500, null, null), answer.States["60"]);
        Assert.Equal(new Dictionary<string, int> { ["15"] = 0, ["60"] = 500 }, answer.RamWorkingSet);
    }

    [Fact]
    public async Task EveryIntervalFailingIsABadGatewayProblemWithTheStates()
    {
        _factory.Bybit.SetFault(ParamsError, FakeBybitServer.KlinePath, "DOWNUSDT");
        using var content = new FormUrlEncodedContent([new("symbol", "DOWNUSDT"), new("intervals", "15,60")]);

        using var response = await _factory.CreateClient().PostAsync(Path, content, _timeout);

        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.BadGateway);
        Assert.Equal("No working set of DOWNUSDT could be reloaded; see states.", problem.GetProperty("detail").GetString());
        var states = problem.GetProperty("states");
        foreach (var interval in (string[])["15", "60"])
        {
            Assert.Equal("failed", states.GetProperty(interval).GetProperty("state").GetString());
            Assert.Equal(0, states.GetProperty(interval).GetProperty("candles").GetInt32());
            Assert.Equal("retCode 10001: params error", states.GetProperty(interval).GetProperty("error").GetString());
        }
    }

    private async Task<ResetResponse> PostAsync(IEnumerable<KeyValuePair<string, string>> fields)
    {
        using var content = new FormUrlEncodedContent(fields);
        using var response = await _factory.CreateClient().PostAsync(Path, content, _timeout);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<ResetResponse>(FakeWorkingSet.Json, _timeout))!;
    }
}
