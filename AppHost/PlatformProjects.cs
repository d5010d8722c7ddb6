using Platform.ServiceDefaults;

namespace Platform.AppHost;

public static class PlatformProjects
{
    /// <summary>
    /// Adds a service or the gateway: one http endpoint (a fixed host port when <c>AppHost:Ports:&lt;name&gt;</c> is set), as
    /// many replicas as <c>AppHost:Replicas:&lt;name&gt;</c> says, healthy when its readiness probe answers, the identity
    /// secret and the <c>AppHost:Environment</c> settings; the gateway links its API reference.
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddPlatformProject<TProject>(
        this IDistributedApplicationBuilder builder, string name, AppHostSettings settings, IResourceBuilder<ParameterResource> identitySecret)
        where TProject : IProjectMetadata, new()
    {
        var project = builder.AddProject<TProject>(name, launchProfileName: null)
            .WithHttpEndpoint(port: settings.Port(name))
            .WithHttpHealthCheck(Extensions.ReadyPath)
            .WithEnvironment("Platform__IdentitySecret", identitySecret);
        if (name == ResourceNames.Gateway)
        {
            // The services' own documents need a signed identity like every other route; the gateway serves them all.
            project.WithUrl("/docs", "API reference");
        }
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
