using Platform.AppHost.Model;
using Platform.ServiceDefaults;

namespace Platform.AppHost.Kubernetes;

/// <summary>
/// Splits a project's environment as Aspir8 does (§4.3): connection strings and other secrets go to the
/// <c>&lt;name&gt;-secrets</c> Secret, whose values the operator supplies; everything else is a ConfigMap literal.
/// </summary>
public static class ProjectEnvironmentFiles
{
    private static readonly string[] GatewayRoles = ["reader", "trader", "worker", "admin"];

    public static IEnumerable<string> ConfigMapLiterals(Workload workload, Placeholders placeholders) =>
    [
        .. ProjectEnvironment.ForPublish(workload.Project)
            .Where(variable => !IsSecret(variable.Key))
            .Select(variable => variable.Key == "HTTP_PORTS"
                ? ("ASPNETCORE_URLS", $"http://+:{Workload.HttpPort}")
                : (variable.Key, placeholders.Resolve(variable.Value)))
            .Select(variable => $"{variable.Item1}={variable.Item2}"),
        $"OTEL_SERVICE_NAME={workload.Name}",
        .. workload.LeaseKey is { } lease ? [$"{lease}={Workload.Lease:c}"] : Array.Empty<string>(),
    ];

    /// <summary>The secret env file's lines, with <see cref="Placeholders.SecretValue"/> where a real secret goes.</summary>
    public static IEnumerable<string> SecretExample(Workload workload, Placeholders placeholders) =>
    [
        .. ProjectEnvironment.ForPublish(workload.Project)
            .Where(variable => IsSecret(variable.Key))
            .Select(variable => $"{variable.Key}={placeholders.Resolve(variable.Value)}"),
        $"Platform__IdentitySecret={Placeholders.SecretValue}",
        .. workload.Name == ResourceNames.Gateway
            ?
            [
                "Gateway__ApiKeys__0__Name=operator",
                $"Gateway__ApiKeys__0__Hash={Placeholders.SecretValue}",
                .. GatewayRoles.Select((role, index) => $"Gateway__ApiKeys__0__Roles__{index}={role}"),
            ]
            : Array.Empty<string>(),
    ];

    private static bool IsSecret(string key) => key.StartsWith("ConnectionStrings__", StringComparison.Ordinal);
}
