using Platform.ServiceDefaults.Identity;

namespace Platform.Testing;

/// <summary>Who a test calls a service as: a user and roles, signed with <see cref="Secret"/> as the gateway would sign them.</summary>
public sealed record Caller(string User, params string[] Roles)
{
    /// <summary>The identity secret every service under test shares with its callers.</summary>
    public const string Secret = "test-identity-secret-shared-by-every-test-service";

    public static Caller Admin { get; } = new("test-admin", ServiceDefaults.Identity.Roles.Admin);

    public static Caller Reader { get; } = new("test-reader", ServiceDefaults.Identity.Roles.Reader);

    public static Caller Trader { get; } = new("test-trader", ServiceDefaults.Identity.Roles.Reader, ServiceDefaults.Identity.Roles.Trader);

    public static Caller Worker { get; } = new("test-worker", ServiceDefaults.Identity.Roles.Worker);

    public static Caller Anonymous { get; } = new(SignedIdentity.AnonymousUser);

    /// <summary>A caller holding <paramref name="roles"/> whose name no other test uses: <paramref name="name"/> and a unique suffix.</summary>
    public static Caller Unique(string name, params string[] roles) => new($"{name}-{Guid.NewGuid():N}", roles);

    /// <summary>Another service of the platform calling with its service identity.</summary>
    public static Caller Service(string name) => new(name, ServiceDefaults.Identity.Roles.Service);
}

/// <summary>Signs every request of a test's client as <paramref name="caller"/>, afresh for each request.</summary>
public sealed class SigningHandler(Caller caller) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await ServiceCallSigner.SignAsync(
            request, Caller.Secret, caller.User, string.Join(',', caller.Roles), DateTimeOffset.UtcNow, cancellationToken);
        return await base.SendAsync(request, cancellationToken);
    }
}

public static class SignedClients
{
    /// <summary>A client of any instance of a service (<c>WithWebHostBuilder</c> copies too) whose requests are signed as <paramref name="caller"/>.</summary>
    public static HttpClient CreateClient<TProgram>(this Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<TProgram> factory, Caller caller)
        where TProgram : class => factory.CreateDefaultClient(new SigningHandler(caller));
}
