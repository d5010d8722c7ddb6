using Microsoft.Extensions.Configuration;

namespace Platform.ServiceDefaults;

internal static class ConfigurationExtensions
{
    /// <summary>Reads <c>ConnectionStrings:&lt;name&gt;</c> as Aspire's client integrations do, failing start-up when it is missing.</summary>
    public static string GetRequiredConnectionString(this IConfiguration configuration, string name) =>
        configuration.GetConnectionString(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"The connection string 'ConnectionStrings:{name}' is missing. Set it in configuration or as the environment variable 'ConnectionStrings__{name}'.");
}
