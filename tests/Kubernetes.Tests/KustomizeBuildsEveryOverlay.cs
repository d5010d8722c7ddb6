namespace Platform.Kubernetes.Tests;

public sealed class KustomizeBuildsEveryOverlay
{
    [Theory]
    [InlineData("in-cluster")]
    [InlineData("external")]
    public async Task KubectlKustomizeBuildsTheOverlayWithoutErrors(string overlay)
    {
        var (exitCode, output, error) = await RenderedOverlays.KustomizeAsync(overlay);

        Assert.True(exitCode == 0, error);
        Assert.Contains("kind: Deployment", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("in-cluster", "postgres")]
    [InlineData("external", "postgres.example.com")]
    public async Task EachOverlayPointsTheServicesAtItsOwnServers(string overlay, string postgresHost)
    {
        var objects = await RenderedOverlays.ObjectsAsync(overlay);
        var marketData = objects.OfKind("ConfigMap").Single(map => map.Name() == "marketdata-env")["data"]!;

        Assert.Equal(postgresHost, marketData["MARKETDATADB_HOST"]!.GetValue<string>());
        Assert.Equal($"jdbc:postgresql://{postgresHost}:5432/marketdatadb", marketData["MARKETDATADB_JDBCCONNECTIONSTRING"]!.GetValue<string>());
        Assert.Equal("5432", marketData["MARKETDATADB_PORT"]!.GetValue<string>());
        Assert.Equal("http://marketdata:8080", objects.OfKind("ConfigMap").Single(map => map.Name() == "backtests-env")["data"]!["services__marketdata__http__0"]!.GetValue<string>());
    }
}
