using Microsoft.Extensions.Configuration;

namespace Platform.ServiceDefaults.Security;

/// <summary>
/// The deployment's example secrets hold <see cref="Marker"/> where an operator must put a value; a process refuses to
/// start while any setting still holds it, naming the settings (never their values).
/// </summary>
public static class PlaceholderSecrets
{
    public const string Marker = "replace-me";

    public static void ThrowIfAny(IConfiguration configuration)
    {
        var placeholders = configuration.AsEnumerable()
            .Where(setting => setting.Value?.Contains(Marker, StringComparison.OrdinalIgnoreCase) == true)
            .Select(setting => setting.Key)
            .Order(StringComparer.Ordinal)
            .ToList();
        if (placeholders.Count > 0)
        {
            throw new InvalidOperationException(
                $"These settings still hold the placeholder '{Marker}': {string.Join(", ", placeholders)}. Put the real secrets in place before starting.");
        }
    }
}
