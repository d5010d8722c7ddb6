using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Platform.ServiceDefaults;
using Platform.Testing;
using Platform.Testing.FakeBybit;
using Platform.Testing.LocalServers;

namespace Platform.EndToEnd.Tests;

[Collection(PlatformFixture.Collection)]
public sealed class AJobInFlightSurvivesACrashedService(PlatformFixture platform)
{
    private const string Symbol = "ETHUSDT";

    private const int MaxStarts = 3;

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
        var starts = await StartAgainAsync(timeout.Token);
        var finished = await gateway.UntilFinishedAsync($"/api/v1/backtests/{id}", "the backtest after the crash");
        var trades = await gateway.GetJsonAsync($"/api/v1/backtests/{id}/trades?limit=1000");

        Assert.InRange(starts, 1, MaxStarts);
        Assert.False(ServerProcess.IsAlive(killed));
        Assert.NotEqual(killed, platform.ProcessId(ResourceNames.Backtests));
        Assert.Equal("completed", finished.GetProperty("status").GetString());
        Assert.NotEqual(inFlight.GetProperty("claimed_by").GetString(), finished.GetProperty("claimed_by").GetString());
        Assert.Equal(finished.GetProperty("total_trades").GetInt32(), trades.GetArrayLength());
    }

    /// <summary>
    /// What a developer does in the dashboard: start the service again, and once more should DCP report that the new
    /// process failed to start (seen on a loaded machine right after the crash). Returns how many starts it took.
    /// </summary>
    private async Task<int> StartAgainAsync(CancellationToken cancellationToken)
    {
        var commands = platform.App.Services.GetRequiredService<ResourceCommandService>();
        for (var start = 1; ; start++)
        {
            var result = await commands.ExecuteCommandAsync(ResourceNames.Backtests, KnownResourceCommands.StartCommand, cancellationToken);
            Assert.True(result.Success, result.Message);
            var outcome = await platform.App.ResourceNotifications.WaitForResourceAsync(
                ResourceNames.Backtests,
                update => update.Snapshot.State?.Text == KnownResourceStates.FailedToStart
                    || (update.Snapshot.State?.Text == KnownResourceStates.Running && update.Snapshot.HealthStatus == HealthStatus.Healthy),
                cancellationToken);
            if (outcome.Snapshot.State?.Text == KnownResourceStates.Running || start == MaxStarts)
            {
                return start;
            }
        }
    }
}
