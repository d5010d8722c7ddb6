using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Identity;
using Xunit;

namespace Platform.Testing.Identity;

/// <summary>One route of a class, with the JSON body it takes (if any); what it answers once let in does not matter here.</summary>
public sealed record ClassifiedRoute(RouteClass Class, HttpMethod Method, string Target, string? JsonBody = null)
{
    public override string ToString() => $"{Class} {Method} {Target}";
}

/// <summary>
/// The identity checks every service makes (docs/security.md), run against one route of each class the service has:
/// without an identity, with a forged, expired or replayed one, or one signed for another route, body or set of roles, a
/// call is refused with 401; a role that does not open the route's class gets 403; the right role, and the probes and
/// metrics without any identity, get through.
/// </summary>
public abstract class EveryRouteRequiresASignedIdentity<TProgram>(ServiceFactory<TProgram> service)
    where TProgram : class
{
    private static readonly Dictionary<RouteClass, string> RightRole = new()
    {
        [RouteClass.Public] = "",
        [RouteClass.Read] = Roles.Reader,
        [RouteClass.Trade] = Roles.Trader,
        [RouteClass.Work] = Roles.Worker,
        [RouteClass.Administer] = Roles.Admin,
        [RouteClass.Internal] = Roles.Service,
    };

    private static readonly Dictionary<RouteClass, string> WrongRole = new()
    {
        [RouteClass.Read] = Roles.Worker,
        [RouteClass.Trade] = Roles.Reader,
        [RouteClass.Work] = Roles.Trader,
        [RouteClass.Administer] = $"{Roles.Reader},{Roles.Trader},{Roles.Worker}",
        [RouteClass.Internal] = Roles.Admin,
    };

    private const string SignatureMismatch = "The signature does not match this method, path, query, body and identity.";

    /// <summary>One route of each class the service serves.</summary>
    protected abstract IReadOnlyList<ClassifiedRoute> Routes { get; }

    protected abstract CancellationToken Token { get; }

    [Fact]
    public Task ACallWithoutAnIdentityIsRefused() =>
        ExpectEveryRouteAsync(HttpStatusCode.Unauthorized, route =>
        {
            var request = new HttpRequestMessage(route.Method, route.Target);
            if (route.JsonBody is not null)
            {
                request.Content = new StringContent(route.JsonBody, System.Text.Encoding.UTF8, "application/json");
            }
            return request;
        });

    [Fact]
    public Task AForgedSignatureIsRefused() =>
        ExpectEveryRouteAsync(HttpStatusCode.Unauthorized, route => Rightly(route) with { Secret = "not-the-platform-secret-at-all" });

    [Fact]
    public Task AnExpiredIdentityIsRefused() =>
        ExpectEveryRouteAsync(HttpStatusCode.Unauthorized, route => Rightly(route) with { SignedAt = DateTimeOffset.UtcNow - SignedIdentity.MaxAge - TimeSpan.FromSeconds(5) });

    [Fact]
    public Task AnIdentityFromTheFutureIsRefused() =>
        ExpectEveryRouteAsync(HttpStatusCode.Unauthorized, route => Rightly(route) with { SignedAt = DateTimeOffset.UtcNow + SignedIdentity.MaxAge + TimeSpan.FromSeconds(5) });

    [Fact]
    public Task ASignatureForAnotherRouteIsRefused() =>
        ExpectEveryRouteAsync(HttpStatusCode.Unauthorized, route => Rightly(route) with { SignedTarget = "/api/v1/somewhere/else" });

    [Fact]
    public Task ASignatureForTheSameRouteWithAnotherQueryIsRefused() =>
        ExpectEveryRouteAsync(HttpStatusCode.Unauthorized, route => Rightly(route) with
        {
            SignedTarget = route.Target + (route.Target.Contains('?', StringComparison.Ordinal) ? "&limit=1" : "?limit=1"),
        });

    [Fact]
    public async Task ASignatureForAnotherBodyIsRefused()
    {
        var withBodies = Routes.Where(route => route.JsonBody is not null).ToList();
        Assert.NotEmpty(withBodies);
        using var client = service.CreateUnsignedClient();
        foreach (var route in withBodies)
        {
            using var response = await client.SendAsync((Rightly(route) with { SignedBody = route.JsonBody + " " }).Build(), Token);
            Assert.True(HttpStatusCode.Unauthorized == response.StatusCode, $"{route}: {response.StatusCode}");
        }
    }

    /// <summary>Signed for a reader and sent as an admin: the roles are part of what is signed.</summary>
    [Fact]
    public async Task ARolesHeaderChangedAfterSigningIsRefused()
    {
        using var client = service.CreateUnsignedClient();
        foreach (var route in Routes)
        {
            using var response = await client.SendAsync((Rightly(route) with { SignedRoles = Roles.Reader, Roles = Roles.Admin }).Build(), Token);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Token);

            Assert.True(HttpStatusCode.Unauthorized == response.StatusCode, $"{route}: {response.StatusCode}");
            Assert.Equal(SignatureMismatch, problem.GetProperty("detail").GetString());
        }
    }

    [Fact]
    public async Task AReplayedCallIsRefused()
    {
        using var client = service.CreateUnsignedClient();
        foreach (var route in Routes)
        {
            var signed = Rightly(route);
            using var first = await client.SendAsync(signed.Build(), Token);
            using var replay = await client.SendAsync(signed.Build(), Token);

            Assert.True(first.StatusCode is not HttpStatusCode.Unauthorized and not HttpStatusCode.Forbidden, $"{route}: first call {first.StatusCode}");
            Assert.True(HttpStatusCode.Unauthorized == replay.StatusCode, $"{route}: replay {replay.StatusCode}");
            Assert.Contains("used before", await replay.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        }
    }

    [Fact]
    public Task ARoleThatDoesNotOpenTheRouteIsForbidden() =>
        ExpectEveryRouteAsync(HttpStatusCode.Forbidden, route => Rightly(route) with { Roles = WrongRole[route.Class] }, route => route.Class != RouteClass.Public);

    [Fact]
    public async Task TheRoleOfTheRouteClassGetsThrough()
    {
        using var client = service.CreateUnsignedClient();
        foreach (var route in Routes)
        {
            using var response = await client.SendAsync(Rightly(route).Build(), Token);

            Assert.True(response.StatusCode is not HttpStatusCode.Unauthorized and not HttpStatusCode.Forbidden, $"{route}: {response.StatusCode}");
        }
    }

    [Fact]
    public void EveryRouteClassIsCovered()
    {
        Assert.Contains(Routes, route => route.Class == RouteClass.Public);
        Assert.Contains(Routes, route => route.Class == RouteClass.Read);
        Assert.Contains(Routes, route => route.Class == RouteClass.Administer);
        Assert.All(Routes, route => Assert.Equal(route.Class, RouteAccess.Classify(route.Method.Method, new Uri("http://service" + route.Target).AbsolutePath)));
    }

    [Theory]
    [InlineData(Extensions.LivePath)]
    [InlineData(Extensions.ReadyPath)]
    [InlineData(Extensions.MetricsPath)]
    public async Task ProbesAndMetricsNeedNoIdentity(string path)
    {
        using var client = service.CreateUnsignedClient();
        using var response = await client.GetAsync(path, Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static HandSignedRequest Rightly(ClassifiedRoute route) => new(route.Method, route.Target, route.JsonBody)
    {
        User = route.Class == RouteClass.Public ? SignedIdentity.AnonymousUser : "caller",
        Roles = RightRole[route.Class],
    };

    private async Task ExpectEveryRouteAsync(HttpStatusCode expected, Func<ClassifiedRoute, HttpRequestMessage> request, Func<ClassifiedRoute, bool>? only = null)
    {
        using var client = service.CreateUnsignedClient();
        foreach (var route in Routes.Where(only ?? (_ => true)))
        {
            using var response = await client.SendAsync(request(route), Token);

            Assert.True(expected == response.StatusCode, $"{route}: {response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    private Task ExpectEveryRouteAsync(HttpStatusCode expected, Func<ClassifiedRoute, HandSignedRequest> signed, Func<ClassifiedRoute, bool>? only = null) =>
        ExpectEveryRouteAsync(expected, route => signed(route).Build(), only);
}
