using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Platform.Gateway.Security;
using Platform.Testing;

namespace Platform.Gateway.Tests;

/// <summary>
/// Every API key has a bucket of its own, sized by its role: keys of one role, or configured under one name, never draw
/// from each other's. The bursts run against buckets that refill one token an hour, so that what a burst gets is exactly
/// the bucket's allowance.
/// </summary>
public sealed class RateLimitsArePerKey(FakeServices services) : IClassFixture<FakeServices>
{
    private const string Path = "/api/v1/backtests/1";
    private const int ReaderAllowance = 5;
    private const int AdminAllowance = 8;
    private const int Burst = 50;

    private static readonly TimeSpan Period = TimeSpan.FromHours(1);

    [Fact]
    public async Task TwoKeysOfOneRoleEachGetTheirRolesAllowanceOfAConcurrentBurst()
    {
        var first = ApiKeyHasher.NewKey();
        var second = ApiKeyHasher.NewKey();
        using var gateway = Limited(("desk-a", first), ("desk-b", second));

        var bursts = await Task.WhenAll(BurstAsync(gateway, first), BurstAsync(gateway, second), BurstAsync(gateway, TestGateway.KeyFor(Roles.Admin)));

        AssertAllowance(ReaderAllowance, bursts[0]);
        AssertAllowance(ReaderAllowance, bursts[1]);
        AssertAllowance(AdminAllowance, bursts[2]);
    }

    [Fact]
    public async Task TwoKeysConfiguredUnderOneNameAreKeptApart()
    {
        var first = ApiKeyHasher.NewKey();
        var second = ApiKeyHasher.NewKey();
        using var gateway = Limited(("shared-desk", first), ("shared-desk", second));

        var bursts = await Task.WhenAll(BurstAsync(gateway, first), BurstAsync(gateway, second));

        AssertAllowance(ReaderAllowance, bursts[0]);
        AssertAllowance(ReaderAllowance, bursts[1]);
    }

    [Fact]
    public async Task AnEmptiedBucketRefillsAfterItsPeriod()
    {
        using var gateway = TestGateway.Create(services.Urls,
            ("Gateway:RateLimits:reader:TokenLimit", "2"),
            ("Gateway:RateLimits:reader:TokensPerPeriod", "2"),
            ("Gateway:RateLimits:reader:Period", "00:00:01"));
        using var reader = gateway.CreateClient(Roles.Reader);

        HttpResponseMessage? rejected = null;
        for (var attempt = 0; attempt < 20 && rejected is null; attempt++)
        {
            var response = await reader.GetAsync(Path, TestContext.Token);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                rejected = response;
            }
            else
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                response.Dispose();
            }
        }

        Assert.NotNull(rejected);
        using (rejected)
        {
            Assert.Equal(TimeSpan.FromSeconds(1), rejected.Headers.RetryAfter?.Delta);
        }
        await Eventually.ReturnsAsync(async () =>
            {
                using var response = await reader.GetAsync(Path, TestContext.Token);
                return response.StatusCode;
            },
            status => status == HttpStatusCode.OK, TimeSpan.FromSeconds(5), "the reader's bucket to refill");
    }

    /// <summary>
    /// A gateway whose readers' buckets hold <see cref="ReaderAllowance"/> tokens and admins' <see cref="AdminAllowance"/>,
    /// each refilled by one token a <see cref="Period"/>, with <paramref name="readers"/> as further reader keys.
    /// </summary>
    private WebApplicationFactory<Program> Limited(params (string Name, string Key)[] readers)
    {
        List<(string Key, string? Value)> settings = [];
        foreach (var role in (string[])[Roles.Reader, Roles.Admin])
        {
            var allowance = role == Roles.Reader ? ReaderAllowance : AdminAllowance;
            settings.Add(($"Gateway:RateLimits:{role}:TokenLimit", allowance.ToString(CultureInfo.InvariantCulture)));
            settings.Add(($"Gateway:RateLimits:{role}:TokensPerPeriod", "1"));
            settings.Add(($"Gateway:RateLimits:{role}:Period", Period.ToString()));
        }
        // Indexes past the ones TestGateway gives its keys per role.
        for (var index = 0; index < readers.Length; index++)
        {
            var prefix = string.Create(CultureInfo.InvariantCulture, $"Gateway:ApiKeys:{10 + index}:");
            settings.Add((prefix + "Name", readers[index].Name));
            settings.Add((prefix + "Hash", ApiKeyHasher.Hash(readers[index].Key)));
            settings.Add((prefix + "Roles:0", Roles.Reader));
        }
        return TestGateway.Create(services.Urls, [.. settings]);
    }

    /// <summary><see cref="Burst"/> calls with <paramref name="key"/> at once.</summary>
    private static async Task<Answer[]> BurstAsync(WebApplicationFactory<Program> gateway, string key)
    {
        using var client = gateway.CreateClient();
        client.DefaultRequestHeaders.Add("X-API-Key", key);
        return await Task.WhenAll(Enumerable.Range(0, Burst).Select(async _ =>
        {
            using var response = await client.GetAsync(Path, TestContext.Token);
            return new Answer(response.StatusCode, response.Headers.RetryAfter?.Delta, response.Content.Headers.ContentType?.MediaType);
        }));
    }

    private static void AssertAllowance(int allowance, Answer[] burst)
    {
        Assert.Equal(allowance, burst.Count(answer => answer.Status == HttpStatusCode.OK));
        var refused = burst.Where(answer => answer.Status != HttpStatusCode.OK).ToList();
        Assert.Equal(Burst - allowance, refused.Count);
        Assert.All(refused, answer =>
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, answer.Status);
            Assert.Equal("application/problem+json", answer.MediaType);
            Assert.InRange(answer.RetryAfter ?? TimeSpan.Zero, TimeSpan.FromSeconds(1), Period);
        });
    }

    private sealed record Answer(HttpStatusCode Status, TimeSpan? RetryAfter, string? MediaType);
}
