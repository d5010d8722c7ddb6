namespace Platform.AppHost.Dashboard;

/// <summary>The dashboard's actions on a resource; each answers false when the resource is unknown or cannot be controlled.</summary>
public interface IResourceActions
{
    Task<bool> RestartAsync(string name);

    Task<bool> StopAsync(string name);

    bool Start(string name);
}
