using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Platform.ServiceDefaults.Identity;

/// <summary>
/// The identity secret and whether unsigned calls are let through, read once at start. A process refuses to start
/// without a secret of at least <see cref="SignedIdentity.MinimumSecretLength"/> characters, unless
/// <c>Platform:Identity:DisableInDevelopment</c> is true in the Development environment; anywhere else that setting is
/// refused too.
/// </summary>
public sealed class IdentitySettings
{
    public const string DisableKey = "Platform:Identity:DisableInDevelopment";

    private IdentitySettings(string secret, bool unsignedCallsAllowed)
    {
        Secret = secret;
        UnsignedCallsAllowed = unsignedCallsAllowed;
    }

    public string Secret { get; }

    /// <summary>True only in development with the setting on: an unsigned call acts as a developer holding every role.</summary>
    public bool UnsignedCallsAllowed { get; }

    public static IdentitySettings From(IConfiguration configuration, IHostEnvironment environment)
    {
        var disabled = configuration.GetValue<bool>(DisableKey);
        if (disabled && !environment.IsDevelopment())
        {
            throw new InvalidOperationException(
                $"{DisableKey} is set in the {environment.EnvironmentName} environment; it is honoured only in Development.");
        }
        var secret = configuration[SignedIdentity.SecretKey] ?? "";
        if (!disabled && secret.Length < SignedIdentity.MinimumSecretLength)
        {
            throw new InvalidOperationException(
                $"{SignedIdentity.SecretKey} must hold a secret of at least {SignedIdentity.MinimumSecretLength} characters, shared by the gateway and every service.");
        }
        return new IdentitySettings(secret, disabled);
    }
}
