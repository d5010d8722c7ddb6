using System.Net;
using Platform.AppHost.Development;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Identity;

namespace Platform.EndToEnd.Tests;

[Collection(PlatformFixture.Collection)]
public sealed class ThePlatformStartsBehindTheGateway(PlatformFixture platform)
{
    [Fact]
    public void EveryResourceWasHealthyWhenTheAppHostReportedReady()
    {
        var resources = platform.State.GetProperty("resources").EnumerateArray()
            .ToDictionary(resource => resource.GetProperty("name").GetString()!, resource => resource.GetProperty("state").GetString());
        var pids = platform.State.GetProperty("resources").EnumerateArray()
            .Where(resource => resource.GetProperty("pid").ValueKind == System.Text.Json.JsonValueKind.Number)
            .Select(resource => resource.GetProperty("name").GetString())
            .ToList();

        Assert.Equal(platform.ResourceNames().Order(), resources.Keys.Order());
        // A fresh data directory is initialised first by a one-shot resource, which has finished by then.
        Assert.Equal("finished", resources[$"{ResourceNames.Postgres}-init"]);
        Assert.All(resources.Where(resource => resource.Key != $"{ResourceNames.Postgres}-init"), resource => Assert.Equal("healthy", resource.Value));
        Assert.Subset(pids.ToHashSet(), new HashSet<string?>([ResourceNames.Postgres, ResourceNames.Redis, .. ResourceNames.Services, ResourceNames.Gateway]));
        Assert.Equal(platform.GatewayUrl, new Uri(platform.State.GetProperty("resources").EnumerateArray()
            .Single(resource => resource.GetProperty("name").GetString() == ResourceNames.Gateway).GetProperty("url").GetString()!));
    }

    [Fact]
    public async Task TheApiNeedsTheKeyAndEveryServiceIsReadyThroughTheGateway()
    {
        using var anonymous = new HttpClient { BaseAddress = platform.GatewayUrl };
        using var refused = await anonymous.GetAsync("/api/v1/backtests/");

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        foreach (var service in ResourceNames.Services)
        {
            using var ready = await platform.Gateway.GetAsync($"/health/{service}/ready");
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        }
        using var strategies = await platform.Gateway.GetAsync("/api/v1/strategies/types");
        Assert.Equal(HttpStatusCode.OK, strategies.StatusCode);
    }

    [Fact]
    public async Task EveryServiceRefusesACallThatDoesNotComeThroughTheGateway()
    {
        foreach (var service in ResourceNames.Services)
        {
            var url = platform.State.GetProperty("resources").EnumerateArray()
                .Single(resource => resource.GetProperty("name").GetString() == service).GetProperty("url").GetString()!;
            using var direct = new HttpClient { BaseAddress = new Uri(url) };
            foreach (var path in (string[])[$"{RouteAccess.ApiPrefixes[service][0]}/", "/openapi/v1.json", "/internal/db-pool"])
            {
                using var response = await direct.GetAsync(path);

                Assert.True(HttpStatusCode.Unauthorized == response.StatusCode, $"{service} {path}: {response.StatusCode}");
            }
            using var ready = await direct.GetAsync(Extensions.ReadyPath);
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        }
    }

    [Fact]
    public void SecretsAndParametersAreReadableByTheOwnerOnly()
    {
        foreach (var file in (string[])["secrets.json", "parameters.json"])
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(platform.DataDirectory, file)));
        }
    }

    [Fact]
    public void ASecondAppHostCannotTakeTheSameDataDirectory()
    {
        var error = Assert.Throws<DistributedApplicationException>(() => InstanceLock.Acquire(platform.DataDirectory));

        Assert.Contains(platform.DataDirectory, error.Message, StringComparison.Ordinal);
    }
}
