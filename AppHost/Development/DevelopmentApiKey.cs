using System.Security.Cryptography;
using System.Text;

namespace Platform.AppHost.Development;

/// <summary>The development API key: a secret parameter with every gateway role, given to the gateway as its SHA-256 only.</summary>
public static class DevelopmentApiKey
{
    public const string ParameterName = "api-key";

    private static readonly string[] Roles = ["reader", "trader", "worker", "admin"];

    public static IResourceBuilder<ProjectResource> WithDevelopmentApiKey(
        this IResourceBuilder<ProjectResource> gateway, IResourceBuilder<ParameterResource> apiKey) =>
        gateway.WithEnvironment(async context =>
        {
            var key = await apiKey.Resource.GetValueAsync(context.CancellationToken) ?? "";
            context.EnvironmentVariables["Gateway__ApiKeys__0__Name"] = "development";
            context.EnvironmentVariables["Gateway__ApiKeys__0__Hash"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
            for (var index = 0; index < Roles.Length; index++)
            {
                context.EnvironmentVariables[$"Gateway__ApiKeys__0__Roles__{index}"] = Roles[index];
            }
        });
}
