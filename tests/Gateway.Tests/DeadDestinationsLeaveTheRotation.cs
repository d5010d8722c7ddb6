using System.Net;
using Platform.Gateway.Security;
using Platform.ServiceDefaults;
using Platform.Testing;

namespace Platform.Gateway.Tests;

/// <summary>Two backtests replicas behind one cluster; once one is stopped the active probes take it out of rotation.</summary>
public sealed class DeadDestinationsLeaveTheRotation
{
    [Fact]
    public async Task RequestsKeepSucceedingAfterAReplicaDies()
    {
        var (first, firstUrl) = await FakeServices.StartAsync(ResourceNames.Backtests);
        var (second, secondUrl) = await FakeServices.StartAsync(ResourceNames.Backtests);
        await using var survivor = second;
        using var gateway = TestGateway.Create(new Dictionary<string, string>(),
            ($"services:{ResourceNames.Backtests}:http:0", firstUrl),
            ($"services:{ResourceNames.Backtests}:http:1", secondUrl),
            ("Gateway:HealthChecks:Interval", "00:00:00.200"),
            ("Gateway:HealthChecks:Timeout", "00:00:00.500"));
        using var client = gateway.CreateClient(Roles.Reader);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/backtests/1", TestContext.Token)).StatusCode);

        await first.DisposeAsync();

        await Eventually.ReturnsAsync(() => SuccessesInARowAsync(client, 20), successes => successes == 20,
            TimeSpan.FromSeconds(10), "20 requests in a row to succeed");
    }

    private static async Task<int> SuccessesInARowAsync(HttpClient client, int attempts)
    {
        for (var attempt = 0; attempt < attempts; attempt++)
        {
            using var response = await client.GetAsync("/api/v1/backtests/1", TestContext.Token);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return attempt;
            }
        }
        return attempts;
    }
}
