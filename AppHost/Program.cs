using Microsoft.Extensions.Configuration;
using Platform.AppHost;

var configuration = new ConfigurationBuilder()
    .AddEnvironmentVariables()
    .AddCommandLine(CommandLine.Settings(args))
    .Build();

return await CommandLine.RunAsync(args, configuration, Console.Out, Console.Error);
