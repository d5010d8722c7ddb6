using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Platform.ServiceDefaults;
using Platform.Testing;
using Platform.Testing.FakeBybit;
using Platform.Testing.LocalServers;

namespace Platform.EndToEnd.Tests;

[Collection(PlatformFixture.Collection)]
public sealed class AJobInFlightSurvivesACrashedService(PlatformFixture platform)
{
    private const string Symbol = "ETHUSDT";

    [Fact]
    public async Task AKilledServiceStartedAgainCompletesItsRunningBacktestOnce()
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

        var killed = platform.ProcessId(ResourceNames.Backtests);
        ServerProcess.Signal(killed, ServerProcess.SigKill);
        platform.Bybit.ClearFaults();
        using var timeout = new CancellationTokenSource(PlatformFixture.StartTimeout);
        await platform.App.ResourceNotifications.WaitForResourceAsync(
            ResourceNames.Backtests, [KnownResourceStates.Exited, KnownResourceStates.Finished], timeout.Token);
        // What a developer does in the dashboard: start the service again.
        var started = await platform.App.Services.GetRequiredService<ResourceCommandService>()
            .ExecuteCommandAsync(ResourceNames.Backtests, KnownResourceCommands.StartCommand, timeout.Token);
        await platform.App.ResourceNotifications.WaitForResourceHealthyAsync(ResourceNames.Backtests, timeout.Token);
        var finished = await gateway.UntilFinishedAsync($"/api/v1/backtests/{id}", "the backtest after the crash");
        var trades = await gateway.GetJsonAsync($"/api/v1/backtests/{id}/trades?limit=1000");

        Assert.True(started.Success, started.Message);
        Assert.False(ServerProcess.IsAlive(killed));
        Assert.NotEqual(killed, platform.ProcessId(ResourceNames.Backtests));
        Assert.Equal("completed", finished.GetProperty("status").GetString());
        Assert.NotEqual(inFlight.GetProperty("claimed_by").GetString(), finished.GetProperty("claimed_by").GetString());
        Assert.Equal(finished.GetProperty("total_trades").GetInt32(), trades.GetArrayLength());
    }
}
