using Platform.Client.Backtests.Models;
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
        var backtests = platform.Api.Backtests.Api.V1.Backtests;
        var strategyId = await platform.Api.CreateStrategyAsync("end-to-end crash");
        // Slow candles keep the run in flight: the worker has claimed it and waits on market data when its process dies.
        platform.Bybit.SetFault(FakeFault.Delay(TimeSpan.FromSeconds(3)), FakeBybitServer.KlinePath, Symbol);
        var id = (await backtests.PostAsync(new CreateBacktestRequest
        {
            StrategyId = strategyId,
            Symbol = Symbol,
            Timeframe = "60",
            StartDate = new DateTimeOffset(2024, 6, 1, 0, 0, 0, TimeSpan.Zero),
            EndDate = new DateTimeOffset(2024, 8, 1, 0, 0, 0, TimeSpan.Zero),
            InitialCapital = 10_000,
        }))!.Id!.Value;
        var inFlight = await Eventually.ReturnsAsync(
            async () => (await backtests[id].GetAsync())!,
            backtest => backtest.Status == "running" && platform.Bybit.RequestsFor(Symbol).Count > 0,
            GatewayCalls.JobTimeout, "the backtest to be running and fetching candles");

        // A worker names itself machine:pid:instance; its process is one of the two replicas.
        var claimedBy = inFlight.ClaimedBy!;
        var killed = int.Parse(claimedBy.Split(':')[1], System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(ServerProcess.Signal(killed, ServerProcess.SigKill), $"process {killed} of {claimedBy} was not there to kill");
        platform.Bybit.ClearFaults();
        var finished = await platform.Api.UntilFinishedAsync(id, "the backtest after the crash");
        var trades = await backtests[id].Trades.GetAsync(request => request.QueryParameters.Limit = 1000);

        Assert.False(ServerProcess.IsAlive(killed));
        Assert.Equal("completed", finished.Status);
        Assert.NotEqual(claimedBy, finished.ClaimedBy);
        Assert.Equal(finished.TotalTrades, trades!.Count);
        await platform.WaitUntilServingAsync();
    }
}
