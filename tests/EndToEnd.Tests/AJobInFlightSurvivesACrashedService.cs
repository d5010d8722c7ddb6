using System.Net;
using System.Text.Json.Nodes;
using Platform.Testing;
using Platform.Testing.FakeBybit;
using Platform.Testing.LocalServers;

namespace Platform.EndToEnd.Tests;

/// <summary>The platform with two backtests replicas, as a deployment runs it; one of them is killed with a run in hand.</summary>
public sealed class TwoBacktestReplicasFixture : PlatformFixture
{
    public new const string Collection = "two backtests replicas";

    protected override IEnumerable<string> Arguments => ["--AppHost:Replicas:backtests=2"];
}

[CollectionDefinition(TwoBacktestReplicasFixture.Collection)]
public sealed class TwoBacktestReplicasCollection : ICollectionFixture<TwoBacktestReplicasFixture>;

[Collection(TwoBacktestReplicasFixture.Collection)]
public sealed class AJobInFlightSurvivesACrashedService(TwoBacktestReplicasFixture platform)
{
    private const string Symbol = "ETHUSDT";

    [Fact]
    public async Task TheOtherReplicaCompletesTheRunOfAKilledOneOnce()
    {
        var gateway = platform.Gateway;
        var strategyId = await gateway.CreateStrategyAsync("end-to-end crash");
        // Slow candles keep the run in flight: the worker has claimed it and waits on market data when its process dies.
        platform.Bybit.SetFault(FakeFault.Delay(TimeSpan.FromSeconds(3)), FakeBybitServer.KlinePath, Symbol);
        var id = (await gateway.PostJsonAsync("/api/v1/backtests/", new JsonObject
        {
            ["strategy_id"] = strategyId,
            ["symbol"] = Symbol,
            ["timeframe"] = "60",
            ["start_date"] = "2024-06-01T00:00:00Z",
            ["end_date"] = "2024-08-01T00:00:00Z",
            ["initial_capital"] = 10_000,
        }, HttpStatusCode.Created)).GetProperty("id").GetInt64();
        var inFlight = await Eventually.ReturnsAsync(
            () => gateway.GetJsonAsync($"/api/v1/backtests/{id}"),
            backtest => backtest.GetProperty("status").GetString() == "running" && platform.Bybit.RequestsFor(Symbol).Count > 0,
            GatewayCalls.JobTimeout, "the backtest to be running and fetching candles");

        // A worker names itself machine:pid:instance; its process is one of the two replicas.
        var claimedBy = inFlight.GetProperty("claimed_by").GetString()!;
        var killed = int.Parse(claimedBy.Split(':')[1], System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(ServerProcess.Signal(killed, ServerProcess.SigKill), $"process {killed} of {claimedBy} was not there to kill");
        platform.Bybit.ClearFaults();
        var finished = await gateway.UntilFinishedAsync($"/api/v1/backtests/{id}", "the backtest after the crash");
        var trades = await gateway.GetJsonAsync($"/api/v1/backtests/{id}/trades?limit=1000");

        Assert.False(ServerProcess.IsAlive(killed));
        Assert.Equal("completed", finished.GetProperty("status").GetString());
        Assert.NotEqual(claimedBy, finished.GetProperty("claimed_by").GetString());
        Assert.Equal(finished.GetProperty("total_trades").GetInt32(), trades.GetArrayLength());
        await platform.WaitUntilServingAsync();
    }
}
