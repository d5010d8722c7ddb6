using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Platform.ServiceDefaults.Identity;

/// <summary>
/// Authenticates the signed identity of <see cref="SignedIdentity"/>: a fresh timestamp, a signature over this method,
/// path, query and body, and a request id not seen before. Each refusal is a 401 ProblemDetails naming what failed.
/// </summary>
internal sealed class SignedIdentityHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IdentitySettings settings,
    ReplayGuard replays,
    TimeProvider time,
    IProblemDetailsService problemDetails)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "SignedIdentity";
    private const string DeveloperUser = "developer";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var headers = Request.Headers;
        var signature = headers[SignedIdentity.SignatureHeader].ToString();
        if (signature.Length == 0)
        {
            return settings.UnsignedCallsAllowed ? Success(DeveloperUser, [.. Roles.All, Roles.Service], "") : AuthenticateResult.NoResult();
        }
        var user = headers[SignedIdentity.UserHeader].ToString();
        var roles = headers[SignedIdentity.RolesHeader].ToString();
        var requestId = headers[SignedIdentity.RequestIdHeader].ToString();
        var contentHash = headers[SignedIdentity.ContentHashHeader].ToString();
        if (user.Length == 0 || contentHash.Length == 0 || !SignedIdentity.IsWellFormedRequestId(requestId)
            || !long.TryParse(headers[SignedIdentity.TimestampHeader].ToString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var timestamp))
        {
            return AuthenticateResult.Fail("The identity headers are incomplete or malformed.");
        }
        if (Math.Abs(time.GetUtcNow().ToUnixTimeSeconds() - timestamp) > SignedIdentity.MaxAge.TotalSeconds)
        {
            return AuthenticateResult.Fail("The identity has expired (or its clock is too far from this service's).");
        }
        var call = new SignedCall(
            Request.Method, SignedIdentity.Target(Request.PathBase.Add(Request.Path).Value ?? "/", Request.QueryString.Value),
            timestamp, requestId, contentHash, user, roles);
        if (!SignedIdentity.HasValidSignature(settings.Secret, call, signature))
        {
            return AuthenticateResult.Fail("The signature does not match this method, path, query, body and identity.");
        }
        if (contentHash == SignedIdentity.UnsignedPayload
            ? Context.GetEndpoint()?.Metadata.GetMetadata<StreamedBody>() is null
            : !string.Equals(contentHash, await SignedIdentity.HashBodyAsync(Request, long.MaxValue, Context.RequestAborted), StringComparison.Ordinal))
        {
            return AuthenticateResult.Fail("The body is not the one that was signed.");
        }
        if (!await replays.TryAcceptAsync(requestId))
        {
            return AuthenticateResult.Fail("The request id was used before: a replayed call is refused.");
        }
        return Success(user, roles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), requestId);
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        // The result of this request's authentication, computed once and kept by the base class.
        var failure = (await HandleAuthenticateOnceSafeAsync()).Failure?.Message;
        await WriteProblemAsync(
            StatusCodes.Status401Unauthorized,
            "A signed platform identity is required.",
            failure ?? "The call carries no identity: callers go through the gateway, services sign their own calls.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        var routeClass = RouteAccess.Classify(Request.Method, Request.Path);
        return WriteProblemAsync(
            StatusCodes.Status403Forbidden,
            "The identity lacks the role for this route.",
            $"{routeClass} routes are open to: {string.Join(", ", RouteAccess.RolesFor(routeClass))}.");
    }

    private AuthenticateResult Success(string user, IEnumerable<string> roles, string requestId)
    {
        Claim[] claims = [new(ClaimTypes.Name, user), new(PlatformClaims.RequestId, requestId), .. roles.Select(role => new Claim(ClaimTypes.Role, role))];
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    private async Task WriteProblemAsync(int status, string title, string detail)
    {
        Response.StatusCode = status;
        await problemDetails.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }
}

/// <summary>Claims the platform adds beside the name and roles.</summary>
public static class PlatformClaims
{
    public const string RequestId = "platform:request_id";
}
