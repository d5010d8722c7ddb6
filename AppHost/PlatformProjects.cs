using Platform.ServiceDefaults;

namespace Platform.AppHost;

public static class PlatformProjects
{
    /// <summary>
    /// Adds a service or the gateway: one http endpoint (a fixed host port when <c>AppHost:Ports:&lt;name&gt;</c> is set), as
    /// many replicas as <c>AppHost:Replicas:&lt;name&gt;</c> says, healthy when its readiness probe answers, the identity
    /// secret, the <c>AppHost:Environment</c> settings, and a link to its OpenAPI document.
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddPlatformProject<TProject>(
        this IDistributedApplicationBuilder builder, string name, AppHostSettings settings, IResourceBuilder<ParameterResource> identitySecret)
        where TProject : IProjectMetadata, new()
    {
        var project = builder.AddProject<TProject>(name, launchProfileName: null)
            .WithHttpEndpoint(port: settings.Port(name))
            .WithHttpHealthCheck(Extensions.ReadyPath)
            .WithEnvironment("Platform__IdentitySecret", identitySecret)
            .WithUrl(name == ResourceNames.Gateway ? "/docs" : "/openapi/v1.json", name == ResourceNames.Gateway ? "API reference" : "OpenAPI");
        if (settings.ReplicasOf(name) > 1)
        {
            project.WithReplicas(settings.ReplicasOf(name));
        }
        if (builder.ExecutionContext.IsRunMode)
        {
            // As a launch profile would: local runs are development runs.
            project.WithEnvironment("ASPNETCORE_ENVIRONMENT", builder.Environment.EnvironmentName);
        }
        foreach (var (key, value) in settings.Environment)
        {
            project.WithEnvironment(key, value);
        }
        return project;
    }
}
