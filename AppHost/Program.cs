using Platform.AppHost;
using Platform.AppHost.Development;
using Platform.ServiceDefaults;

try
{
    var builder = DistributedApplication.CreateBuilder(args);
    var settings = AppHostSettings.From(builder);
    if (builder.ExecutionContext.IsRunMode)
    {
        builder.AddLocalDevelopment(settings);
    }

    var data = builder.AddPlatformData(settings);
    var identitySecret = builder.AddGeneratedSecret(PlatformSecrets.IdentitySecret);

    var marketData = builder.AddPlatformProject<Projects.MarketData>(ResourceNames.MarketData, settings, identitySecret)
        .WithReference(data.MarketDataDb).WaitFor(data.MarketDataDb)
        .WithReference(data.Redis).WaitFor(data.Redis);

    var backtests = builder.AddPlatformProject<Projects.Backtests>(ResourceNames.Backtests, settings, identitySecret)
        .WithReference(data.BacktestsDb).WaitFor(data.BacktestsDb)
        .WithReference(data.Redis).WaitFor(data.Redis)
        .WithReference(marketData).WaitFor(marketData);

    var optimizations = builder.AddPlatformProject<Projects.Optimizations>(ResourceNames.Optimizations, settings, identitySecret)
        .WithReference(data.OptimizationsDb).WaitFor(data.OptimizationsDb)
        .WithReference(data.Redis).WaitFor(data.Redis)
        .WithReference(marketData)
        .WithReference(backtests).WaitFor(backtests);

    var health = builder.AddPlatformProject<Projects.Health>(ResourceNames.Health, settings, identitySecret)
        .WithReference(data.Postgres).WaitFor(data.Postgres)
        .WithReference(data.Redis).WaitFor(data.Redis)
        .WithReference(backtests)
        .WithReference(optimizations)
        .WithReference(marketData);

    var gateway = builder.AddPlatformProject<Projects.Gateway>(ResourceNames.Gateway, settings, identitySecret)
        .WithExternalHttpEndpoints()
        .WithReference(backtests)
        .WithReference(optimizations)
        .WithReference(marketData)
        .WithReference(health);

    if (builder.ExecutionContext.IsRunMode)
    {
        gateway.WithDevelopmentApiKey(builder.AddGeneratedSecret(DevelopmentApiKey.ParameterName));
        LocalParameters.KeepGeneratedValues(builder, settings.ParametersFile);
    }

    builder.Build().Run();
    return 0;
}
catch (DistributedApplicationException exception)
{
    await Console.Error.WriteLineAsync($"AppHost: {exception.Message}");
    return 1;
}
