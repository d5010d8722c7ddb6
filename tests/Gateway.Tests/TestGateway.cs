using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Platform.Gateway.Security;

namespace Platform.Gateway.Tests;

/// <summary>The gateway in-process over the fake services, with one key per role (<see cref="KeyFor"/>).</summary>
public static class TestGateway
{
    public const string IdentitySecret = "test-identity-secret-of-the-gateway";

    private static readonly Dictionary<string, string> Keys = Roles.All.ToDictionary(role => role, _ => ApiKeyHasher.NewKey());

    /// <summary>The plain key of the key named after <paramref name="role"/> that holds only that role.</summary>
    public static string KeyFor(string role) => Keys[role];

    public static WebApplicationFactory<Program> Create(IReadOnlyDictionary<string, string> urls, params (string Key, string? Value)[] settings) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            foreach (var (service, url) in urls)
            {
                builder.UseSetting($"services:{service}:http:0", url);
            }
            var index = 0;
            foreach (var (role, key) in Keys)
            {
                var prefix = string.Create(CultureInfo.InvariantCulture, $"Gateway:ApiKeys:{index++}:");
                builder.UseSetting(prefix + "Name", role);
                builder.UseSetting(prefix + "Hash", ApiKeyHasher.Hash(key));
                builder.UseSetting(prefix + "Roles:0", role);
            }
            builder.UseSetting("Platform:IdentitySecret", IdentitySecret);
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        });

    /// <summary>A client that sends the key of <paramref name="role"/> in <c>X-API-Key</c>.</summary>
    public static HttpClient CreateClient(this WebApplicationFactory<Program> gateway, string role)
    {
        var client = gateway.CreateClient();
        client.DefaultRequestHeaders.Add("X-API-Key", KeyFor(role));
        return client;
    }
}
