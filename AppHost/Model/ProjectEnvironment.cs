using Platform.AppHost.Running;

namespace Platform.AppHost.Model;

/// <summary>
/// The environment Aspire gives a project resource (spec/aspire-contract.md §1.6 for publish, §2 for run):
/// the OTLP exporter flags, forwarded headers, the ports, then one variable per reference in call order.
/// </summary>
public static class ProjectEnvironment
{
    private static readonly (string Key, string Value)[] OtlpFlags =
    [
        ("OTEL_DOTNET_EXPERIMENTAL_OTLP_EMIT_EXCEPTION_LOG_ATTRIBUTES", "true"),
        ("OTEL_DOTNET_EXPERIMENTAL_OTLP_EMIT_EVENT_LOG_ATTRIBUTES", "true"),
        ("OTEL_DOTNET_EXPERIMENTAL_OTLP_RETRY", "in_memory"),
    ];

    public static IEnumerable<(string Key, string Value)> ForPublish(ProjectResource project) =>
    [
        .. OtlpFlags,
        ("ASPNETCORE_FORWARDEDHEADERS_ENABLED", "true"),
        ("HTTP_PORTS", $"{{{project.Name}.bindings.http.targetPort}}"),
        .. References(project, connectionString: resource => $"{{{resource.Name}.connectionString}}",
            url: target => $"{{{target.Name}.bindings.http.url}}"),
    ];

    /// <summary>The environment of a locally started project, with every placeholder resolved.</summary>
    public static IEnumerable<(string Key, string Value)> ForRun(
        ProjectResource project, RunContext context) =>
    [
        .. OtlpFlags,
        ("OTEL_DOTNET_EXPERIMENTAL_ASPNETCORE_DISABLE_URL_QUERY_REDACTION", "true"),
        ("OTEL_DOTNET_EXPERIMENTAL_HTTPCLIENT_DISABLE_URL_QUERY_REDACTION", "true"),
        .. context.OtlpEndpoint is { } otlp
            ? (IEnumerable<(string, string)>)[("OTEL_EXPORTER_OTLP_ENDPOINT", otlp), ("OTEL_EXPORTER_OTLP_PROTOCOL", context.OtlpProtocol)]
            : [],
        ("OTEL_SERVICE_NAME", project.Name),
        ("OTEL_RESOURCE_ATTRIBUTES", $"service.instance.id={context.InstanceId(project.Name)}"),
        ("OTEL_BLRP_SCHEDULE_DELAY", "1000"),
        ("OTEL_BSP_SCHEDULE_DELAY", "1000"),
        ("OTEL_METRIC_EXPORT_INTERVAL", "1000"),
        ("OTEL_TRACES_SAMPLER", "always_on"),
        ("OTEL_METRICS_EXEMPLAR_FILTER", "trace_based"),
        ("DOTNET_SYSTEM_CONSOLE_ALLOW_ANSI_COLOR_REDIRECTION", "true"),
        ("LOGGING__CONSOLE__FORMATTERNAME", "simple"),
        ("ASPNETCORE_FORWARDEDHEADERS_ENABLED", "true"),
        ("ASPNETCORE_URLS", context.Url(project.Name)),
        ("ASPNETCORE_ENVIRONMENT", "Development"),
        ("DOTNET_ENVIRONMENT", "Development"),
        .. References(project, connectionString: resource => context.ConnectionString(resource.Name),
            url: target => context.Url(target.Name)),
        .. Secrets(project, context.Secrets),
        .. context.SharedEnvironment.Select(setting => (setting.Key, setting.Value)),
    ];

    /// <summary>The identity secret for every project (the gateway signs with it, services check it), the API key for the gateway.</summary>
    private static IEnumerable<(string Key, string Value)> Secrets(ProjectResource project, DevelopmentSecrets? secrets) =>
        secrets is null
            ? []
            : [
                ("Platform__IdentitySecret", secrets.IdentitySecret),
                .. project.Name == ServiceDefaults.ResourceNames.Gateway ? secrets.GatewayEnvironment() : [],
            ];

    private static IEnumerable<(string Key, string Value)> References(
        ProjectResource project, Func<IResourceWithConnectionString, string> connectionString, Func<ProjectResource, string> url) =>
        project.References.Select(reference => reference switch
        {
            IResourceWithConnectionString resource => ($"ConnectionStrings__{resource.Name}", connectionString(resource)),
            ProjectResource target => ($"services__{target.Name}__http__0", url(target)),
            _ => throw new InvalidOperationException($"{project.Name} cannot reference {reference.Name}."),
        });
}
