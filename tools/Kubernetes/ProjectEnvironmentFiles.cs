namespace Platform.Kubernetes;

/// <summary>
/// Splits a project's environment from the manifest as Aspir8 does: variables holding a parameter value or a connection
/// string go to the <c>&lt;name&gt;-secrets</c> Secret, whose values the operator supplies; the rest are ConfigMap
/// literals, in the base unless they name a data server's host, which each overlay sets for its own servers. A project
/// connects to the database server as its own role (<see cref="DatabaseRoles"/>), and only the gateway trusts
/// forwarded headers, from the ingress controller's network.
/// </summary>
public sealed class ProjectEnvironmentFiles(Placeholders placeholders, DatabaseRoles? roles)
{
    /// <summary>
    /// The network the gateway accepts <c>X-Forwarded-*</c> from (the services' <c>Platform:ForwardedHeaders</c>
    /// options): where the ingress controller's pods run, which the operator narrows to the cluster's pod network.
    /// </summary>
    public const string IngressControllerNetwork = "10.0.0.0/8";

    private static readonly string[] GatewayRoles = ["reader", "trader", "worker", "admin"];

    /// <summary>Aspire's switch that trusts <c>X-Forwarded-*</c> from any sender, which anyone in the cluster could forge.</summary>
    private static readonly string[] Dropped = ["ASPNETCORE_FORWARDEDHEADERS_ENABLED"];

    public IEnumerable<string> ConfigMapLiterals(Workload workload) =>
    [
        .. Literals(workload, variable => !placeholders.IsSecret(variable) && !placeholders.DependsOnHost(variable)),
        $"OTEL_SERVICE_NAME={workload.Name}",
        .. workload.LeaseKey is { } lease ? [$"{lease}={Workload.Lease:c}"] : Array.Empty<string>(),
        .. workload.External ? [$"Platform__ForwardedHeaders__KnownNetworks__0={IngressControllerNetwork}"] : Array.Empty<string>(),
    ];

    /// <summary>The ConfigMap literals an overlay merges into the base's: those naming where the data servers run.</summary>
    public IEnumerable<string> HostLiterals(Workload workload) =>
        Literals(workload, variable => !placeholders.IsSecret(variable) && placeholders.DependsOnHost(variable));

    /// <summary>The secret env file's lines, with <see cref="Placeholders.SecretValue"/> where a real secret goes.</summary>
    public IEnumerable<string> SecretExample(Workload workload) =>
    [
        .. roles?.Role(workload.Name) is { } role
            ?
            [
                $"# {role.PasswordKey} is the password of the PostgreSQL role '{role.Name}', which the {DatabaseJob.Name} Job sets; "
                + "the connection string and URI repeat it.",
            ]
            : Array.Empty<string>(),
        .. Literals(workload, placeholders.IsSecret),
        .. workload.External
            ?
            [
                "Gateway__ApiKeys__0__Name=operator",
                $"Gateway__ApiKeys__0__Hash={Placeholders.SecretValue}",
                .. GatewayRoles.Select((role, index) => $"Gateway__ApiKeys__0__Roles__{index}={role}"),
            ]
            : Array.Empty<string>(),
    ];

    private IEnumerable<string> Literals(Workload workload, Func<string, bool> include) =>
        workload.Project.Env
            .Where(variable => !Dropped.Contains(variable.Key) && include(variable.Value))
            .Select(variable => $"{variable.Key}={Value(workload, variable.Key, variable.Value)}");

    private string Value(Workload workload, string key, string expression)
    {
        var resolved = placeholders.Resolve(expression);
        return roles is null ? resolved : roles.ConnectAs(workload.Project, key, expression, resolved);
    }
}
