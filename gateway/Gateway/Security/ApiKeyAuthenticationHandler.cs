using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Platform.ServiceDefaults.OpenApi;

namespace Platform.Gateway.Security;

/// <summary>
/// Authenticates the <c>X-API-Key</c> header or an <c>Authorization: Bearer</c> token against the hashed keys of
/// <c>Gateway:ApiKeys</c>, comparing every configured hash in constant time. The principal carries the key's name, its
/// roles and its configured hash (<see cref="KeyClaim"/>), which tells keys apart when names repeat. Challenges (401) and
/// forbids (403) with ProblemDetails.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptionsMonitor<GatewayOptions> gateway,
    IProblemDetailsService problemDetails)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string KeyHeader = ApiKeySchemes.HeaderName;

    /// <summary>The claim holding the matched key's configured hash (lowercase hex), never the key itself.</summary>
    public const string KeyClaim = "platform:api_key_hash";

    private const string BearerPrefix = "Bearer ";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = PresentedKey(Request.Headers);
        if (presented is null)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }
        var presentedHash = ApiKeyHasher.Hash(presented);
        var hash = Encoding.ASCII.GetBytes(presentedHash);
        ApiKey? match = null;
        foreach (var key in gateway.CurrentValue.ApiKeys)
        {
            // No early exit: the time taken does not tell which key, if any, matched.
            if (CryptographicOperations.FixedTimeEquals(hash, Encoding.ASCII.GetBytes(key.Hash.ToLowerInvariant())))
            {
                match = key;
            }
        }
        if (match is null)
        {
            return Task.FromResult(AuthenticateResult.Fail("Unknown API key."));
        }
        Claim[] claims =
        [
            new(ClaimTypes.Name, match.Name),
            new(KeyClaim, presentedHash),
            .. match.Roles.Select(role => new Claim(ClaimTypes.Role, role)),
        ];
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = $"Bearer realm=\"platform\", {SchemeName} header=\"{KeyHeader}\"";
        return WriteProblemAsync(StatusCodes.Status401Unauthorized, "An API key is required.",
            $"Send a valid key in the {KeyHeader} header or as Authorization: Bearer.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        WriteProblemAsync(StatusCodes.Status403Forbidden, "The API key lacks the role for this route.", null);

    private static string? PresentedKey(IHeaderDictionary headers)
    {
        var header = headers[KeyHeader].ToString();
        if (header.Length > 0)
        {
            return header;
        }
        var authorization = headers.Authorization.ToString();
        return authorization.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase) && authorization.Length > BearerPrefix.Length
            ? authorization[BearerPrefix.Length..].Trim()
            : null;
    }

    private async Task WriteProblemAsync(int status, string title, string? detail)
    {
        Response.StatusCode = status;
        await problemDetails.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }
}
