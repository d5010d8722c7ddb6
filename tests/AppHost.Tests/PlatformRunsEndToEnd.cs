using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Platform.AppHost.LocalServers;
using Platform.AppHost.Model;
using Platform.AppHost.Running;
using Platform.ServiceDefaults;
using Platform.Testing;

namespace Platform.AppHost.Tests;

/// <summary>
/// Runs the AppHost's orchestrator on free ports with a data directory of its own, waits for <c>state.json</c>, speaks
/// only to the gateway, then stops it and checks that no process it started is left.
/// </summary>
public sealed class PlatformRunsEndToEnd
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task ThePlatformComesUpAnswersThroughTheGatewayAndStopsCleanly()
    {
        var dataDirectory = Directory.CreateTempSubdirectory("platform-apphost-").FullName;
        File.SetUnixFileMode(dataDirectory, (UnixFileMode)0b111_101_101);
        var ports = AppHostOptions.DefaultPorts.Keys.ToDictionary(name => name, _ => FreePort.Next());
        var options = new AppHostOptions(
            AppHostOptions.FindRepositoryRoot(AppContext.BaseDirectory), dataDirectory, ports,
            AppHostOptions.From(new ConfigurationBuilder().Build()).BuildConfiguration);
        var orchestrator = new Orchestrator(PlatformModel.Create(), options, new ConfigurationBuilder().Build(), TextWriter.Null);
        using var stopping = new CancellationTokenSource();
        var run = orchestrator.RunAsync(stopping.Token);
        try
        {
            var state = await Eventually.ReturnsAsync(
                () => Task.FromResult(File.Exists(options.StateFile) ? File.ReadAllText(options.StateFile) : null),
                text => text is not null || run.IsCompleted, Timeout, "state.json");
            Assert.False(run.IsFaulted, run.Exception?.ToString());
            var document = JsonDocument.Parse(state!).RootElement;
            var gateway = document.GetProperty("gateway").GetString()!;
            Assert.Equal($"http://localhost:{ports[ResourceNames.Gateway]}", gateway);
            Assert.All(document.GetProperty("resources").EnumerateArray(), resource =>
                Assert.Equal("healthy", resource.GetProperty("state").GetString()));

            using var client = new HttpClient { BaseAddress = new Uri(gateway) };
            client.DefaultRequestHeaders.Add("X-API-Key", DevelopmentSecrets.LoadOrGenerate(dataDirectory).ApiKey);
            foreach (var service in ResourceNames.Services)
            {
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/health/{service}/ready")).StatusCode);
            }
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/marketdata/bybit/klines?symbol=BTCUSDT")).StatusCode);

            Assert.Throws<InvalidOperationException>(() => InstanceLock.Acquire(dataDirectory));

            var backtests = orchestrator.Statuses.Single(status => status.Name == ResourceNames.Backtests);
            var crashed = backtests.ProcessId!.Value;
            ServerProcess.Signal(crashed, ServerProcess.SigKill);
            await Eventually.ReturnsAsync(
                () => Task.FromResult((backtests.Restarts, backtests.State, backtests.ProcessId)),
                now => now.Restarts == 1 && now.State == ResourceState.Healthy && now.ProcessId != crashed,
                Timeout, "backtests restarted after a crash");
        }
        finally
        {
            var pids = orchestrator.Statuses.Select(status => status.ProcessId).OfType<int>().ToList();
            await stopping.CancelAsync();
            await run;
            Assert.All(pids, pid => Assert.False(ServerProcess.IsAlive(pid), $"process {pid} is still running"));
            Assert.False(File.Exists(options.StateFile));
            Directory.Delete(dataDirectory, recursive: true);
        }
    }
}
