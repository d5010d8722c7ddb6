using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;

namespace Platform.ServiceDefaults.Identity;

/// <summary>The caller holds a role that opens the request's <see cref="RouteClass"/> (<see cref="RouteAccess"/>).</summary>
internal sealed class RouteClassRequirement : AuthorizationHandler<RouteClassRequirement>, IAuthorizationRequirement
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, RouteClassRequirement requirement)
    {
        if (context.Resource is HttpContext http && context.User.Identity?.IsAuthenticated == true)
        {
            var roles = RouteAccess.RolesFor(RouteAccess.Classify(http.Request.Method, http.Request.Path));
            if (roles.Count == 0 || roles.Any(context.User.IsInRole))
            {
                context.Succeed(requirement);
            }
        }
        return Task.CompletedTask;
    }
}
