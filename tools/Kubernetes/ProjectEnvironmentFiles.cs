namespace Platform.Kubernetes;

/// <summary>
/// Splits a project's environment from the manifest as Aspir8 does: variables holding a parameter value or a connection
/// string go to the <c>&lt;name&gt;-secrets</c> Secret, whose values the operator supplies; the rest are ConfigMap
/// literals, in the base unless they name a data server's host, which each overlay sets for its own servers.
/// </summary>
public static class ProjectEnvironmentFiles
{
    private static readonly string[] GatewayRoles = ["reader", "trader", "worker", "admin"];

    public static IEnumerable<string> ConfigMapLiterals(Workload workload, Placeholders placeholders) =>
    [
        .. Literals(workload, placeholders, variable => !placeholders.IsSecret(variable) && !placeholders.DependsOnHost(variable)),
        $"OTEL_SERVICE_NAME={workload.Name}",
        .. workload.LeaseKey is { } lease ? [$"{lease}={Workload.Lease:c}"] : Array.Empty<string>(),
    ];

    /// <summary>The ConfigMap literals an overlay merges into the base's: those naming where the data servers run.</summary>
    public static IEnumerable<string> HostLiterals(Workload workload, Placeholders placeholders) =>
        Literals(workload, placeholders, variable => !placeholders.IsSecret(variable) && placeholders.DependsOnHost(variable));

    /// <summary>The secret env file's lines, with <see cref="Placeholders.SecretValue"/> where a real secret goes.</summary>
    public static IEnumerable<string> SecretExample(Workload workload, Placeholders placeholders) =>
    [
        .. Literals(workload, placeholders, placeholders.IsSecret),
        .. workload.External
            ?
            [
                "Gateway__ApiKeys__0__Name=operator",
                $"Gateway__ApiKeys__0__Hash={Placeholders.SecretValue}",
                .. GatewayRoles.Select((role, index) => $"Gateway__ApiKeys__0__Roles__{index}={role}"),
            ]
            : Array.Empty<string>(),
    ];

    private static IEnumerable<string> Literals(Workload workload, Placeholders placeholders, Func<string, bool> include) =>
        workload.Project.Env
            .Where(variable => include(variable.Value))
            .Select(variable => $"{variable.Key}={placeholders.Resolve(variable.Value)}");
}
