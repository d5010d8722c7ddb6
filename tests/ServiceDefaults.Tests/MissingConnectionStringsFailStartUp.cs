using Platform.ServiceDefaults.Data;
using Platform.ServiceDefaults.Redis;

namespace Platform.ServiceDefaults.Tests;

public sealed class MissingConnectionStringsFailStartUp
{
    [Fact]
    public async Task AMissingDatabaseConnectionStringNamesItsKey()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            TestHost.StartAsync(new Dictionary<string, string?>(), builder => builder.AddPostgresDatabase("ordersdb")));

        Assert.Contains("ConnectionStrings:ordersdb", error.Message, StringComparison.Ordinal);
        Assert.Contains("ConnectionStrings__ordersdb", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMissingRedisConnectionStringNamesItsKey()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            TestHost.StartAsync(new Dictionary<string, string?>(), builder => builder.AddPlatformRedis("redis")));

        Assert.Contains("ConnectionStrings:redis", error.Message, StringComparison.Ordinal);
    }
}
