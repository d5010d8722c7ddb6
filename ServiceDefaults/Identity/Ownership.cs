using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Platform.ServiceDefaults.Identity;

/// <summary>
/// Who owns a strategy, backtest, optimization or upload, and who may change it (docs/security.md, 3): the owner is the
/// name of the caller who created it; changing, cancelling, deleting or running it is for its owner or an admin. A row
/// without an owner, created before owners were recorded, is an admin's alone.
/// </summary>
public static class Ownership
{
    /// <summary>The value of a list's <c>owner</c> parameter that stands for the caller.</summary>
    public const string Me = "me";

    /// <summary>
    /// The <c>WHERE</c> condition of a write that checks ownership in the same statement: true for the rows whose
    /// <c>owner</c> the <see cref="Changer"/> bound as <c>@Caller</c> and <c>@Admin</c> may change.
    /// </summary>
    public const string MayChangeSql = "(@Admin OR owner = @Caller)";

    /// <summary>The caller's name: the API key's name, or a service's name for a service's own call.</summary>
    public static string Caller(ClaimsPrincipal user) =>
        user.Identity?.Name ?? throw new InvalidOperationException("The request carries no authenticated identity.");

    public static Changer ChangerOf(ClaimsPrincipal user) => new(Caller(user), user.IsInRole(Roles.Admin));

    public static bool MayChange(ClaimsPrincipal user, string? owner) => ChangerOf(user).MayChange(owner);

    /// <summary>The 403 for a caller who neither owns the <paramref name="resource"/> nor is an admin.</summary>
    public static ProblemHttpResult Forbidden(string resource, string? owner) =>
        TypedResults.Problem(
            owner is null
                ? $"This {resource} has no owner (it was created before owners were recorded): only an admin may change it."
                : $"This {resource} belongs to {owner}.",
            statusCode: StatusCodes.Status403Forbidden,
            title: $"Only the owner or an admin may change this {resource}.");

    /// <summary>
    /// The owner a list's <c>owner</c> parameter asks for: the caller for <see cref="Me"/>, else the name given; null
    /// without the parameter. A blank value, or one with NUL characters (which PostgreSQL text cannot hold), adds a 400
    /// error to <paramref name="errors"/>.
    /// </summary>
    public static string? ListFilter(ClaimsPrincipal user, string? owner, IDictionary<string, string[]> errors)
    {
        if (owner is null)
        {
            return null;
        }
        if (string.IsNullOrWhiteSpace(owner) || owner.Contains('\0'))
        {
            errors["owner"] = [$"owner must be '{Me}' or an owner's name: not blank, no NUL characters."];
            return null;
        }
        return owner == Me ? Caller(user) : owner;
    }
}

/// <summary>A caller about to change something: their name and whether they are an admin, as <see cref="Ownership.MayChangeSql"/> binds them.</summary>
public sealed record Changer(string Caller, bool Admin)
{
    public bool MayChange(string? owner) => Admin || (owner is not null && string.Equals(owner, Caller, StringComparison.Ordinal));
}
