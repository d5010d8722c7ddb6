using Microsoft.AspNetCore.Hosting;

namespace Platform.Testing;

/// <summary>
/// A service hosted outside its test project (a benchmark), on a Kestrel port, in the Production environment: its content
/// root is the service's folder in the repository, given as a setting so that replicas inherit it.
/// </summary>
public class SolutionService<TProgram> : KestrelService<TProgram>
    where TProgram : class
{
    /// <param name="contentRoot">The service's folder, relative to the repository's root (<c>services/Backtests</c>).</param>
    public SolutionService(string? databaseResource, string contentRoot)
        : base(databaseResource)
    {
        Set(WebHostDefaults.ContentRootKey, Path.Combine(Repository.Root, contentRoot));
        Set(WebHostDefaults.EnvironmentKey, "Production");
    }
}
