namespace Platform.AppHost.Tests.Running;

/// <summary>
/// <c>auto</c> asks the engine DCP would use (<c>ASPIRE_CONTAINER_RUNTIME</c>); <c>true</c> and <c>false</c> stand in for an
/// engine that answers and one that does not.
/// </summary>
[Collection(nameof(ContainerEngineIsAskedOnce))]
public sealed class ContainerEngineIsAskedOnce
{
    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    [InlineData("no-such-container-engine", false)]
    public void AutoUsesContainersOnlyWhenTheEngineAnswers(string engine, bool containers)
    {
        var before = Environment.GetEnvironmentVariable("ASPIRE_CONTAINER_RUNTIME");
        Environment.SetEnvironmentVariable("ASPIRE_CONTAINER_RUNTIME", engine);
        try
        {
            var settings = AppHostSettings.From(SettingsComeFromConfiguration.Builder(["--AppHost:DataServers=auto"]));

            Assert.Equal(containers, settings.UseContainers(new DistributedApplicationExecutionContext(DistributedApplicationOperation.Run)));
        }
        finally
        {
            Environment.SetEnvironmentVariable("ASPIRE_CONTAINER_RUNTIME", before);
        }
    }
}
