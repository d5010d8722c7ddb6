using System.Net;
using System.Text.Json.Nodes;
using Platform.Testing.LocalServers;
using Platform.AppHost.Running;
using Platform.ServiceDefaults;
using Platform.Testing;
using Platform.Testing.FakeBybit;

namespace Platform.EndToEnd.Tests;

[Collection(PlatformFixture.Collection)]
public sealed class AJobInFlightSurvivesACrashedService(PlatformFixture platform)
{
    private const string Symbol = "ETHUSDT";

    [Fact]
    public async Task TheAppHostRestartsAKilledServiceAndItsRunningBacktestCompletes()
    {
        await platform.WaitUntilAllHealthyAsync();
        var gateway = platform.Gateway;
        var strategyId = await gateway.CreateStrategyAsync("end-to-end crash");
        // Slow candles keep the run in flight: the worker has claimed it and waits on market data when the process dies.
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

        var backtests = platform.Status(ResourceNames.Backtests);
        var (killed, restartsBefore) = (backtests.ProcessId!.Value, backtests.Restarts);
        ServerProcess.Signal(killed, ServerProcess.SigKill);
        platform.Bybit.ClearFaults();
        await Eventually.ReturnsAsync(
            () => Task.FromResult((backtests.Restarts, backtests.State, backtests.ProcessId)),
            now => now.Restarts == restartsBefore + 1 && now.State == ResourceState.Healthy && now.ProcessId != killed,
            PlatformFixture.StartTimeout, "the AppHost to restart backtests");
        var finished = await gateway.UntilFinishedAsync($"/api/v1/backtests/{id}", "the backtest after the crash");
        var trades = await gateway.GetJsonAsync($"/api/v1/backtests/{id}/trades?limit=1000");

        Assert.False(ServerProcess.IsAlive(killed));
        Assert.Equal("completed", finished.GetProperty("status").GetString());
        Assert.NotEqual(inFlight.GetProperty("claimed_by").GetString(), finished.GetProperty("claimed_by").GetString());
        Assert.Equal(finished.GetProperty("total_trades").GetInt32(), trades.GetArrayLength());
    }
}
