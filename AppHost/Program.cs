using Microsoft.Extensions.Configuration;

namespace Platform.AppHost;

internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        var configuration = new ConfigurationBuilder()
            .AddEnvironmentVariables()
            .AddCommandLine(CommandLine.Settings(args))
            .Build();
        return await CommandLine.RunAsync(args, configuration, Console.Out, Console.Error);
    }
}
