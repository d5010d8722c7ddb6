using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Platform.ServiceDefaults.Identity;
using Xunit;

namespace Platform.Testing;

/// <summary>
/// A service hosted in-process against the run's real PostgreSQL and Redis, with an empty database and a Redis key prefix
/// of its own (eShop's <c>CatalogApiFixture</c> shape). <see cref="IAsyncLifetime.InitializeAsync"/> waits for readiness,
/// so migrations have run when a test starts.
/// </summary>
public class ServiceFactory<TProgram>(string? databaseResource) : WebApplicationFactory<TProgram>, IAsyncLifetime
    where TProgram : class
{
    private readonly Dictionary<string, string?> _settings = [];

    public string? DatabaseConnectionString { get; private set; }

    public string KeyPrefix { get; } = $"test:{Guid.NewGuid():N}:";

    public TestServers Servers { get; private set; } = null!;

    /// <summary>The configuration the service starts with, for a replica started as a process (<see cref="ServiceProcess"/>).</summary>
    public IReadOnlyDictionary<string, string?> Settings => _settings;

    /// <summary>
    /// Serves on a real Kestrel port chosen by the system. The port goes in as the <c>urls</c> setting rather than through
    /// <c>UseKestrel(0)</c>, whose address rewrite races the minimal host's own start (dotnet/aspnetcore#67714).
    /// </summary>
    public void ListenOnAFreePort()
    {
        UseKestrel();
        Set(WebHostDefaults.ServerUrlsKey, "http://127.0.0.1:0");
    }

    /// <summary>Adds a configuration value for the service (before the first request).</summary>
    public void Set(string key, string? value) => _settings[key] = value;

    /// <summary>A client signed as <see cref="Caller.Admin"/>, who may call every route but the internal ones.</summary>
    public new HttpClient CreateClient() => CreateClient(Caller.Admin);

    /// <summary>A client whose every request is signed as <paramref name="caller"/>.</summary>
    public HttpClient CreateClient(Caller caller) => CreateDefaultClient(new SigningHandler(caller));

    /// <summary>A client that sends no identity at all.</summary>
    public HttpClient CreateUnsignedClient() => base.CreateClient();

    public virtual async Task InitializeAsync()
    {
        Set(SignedIdentity.SecretKey, Caller.Secret);
        Servers = await TestServers.GetAsync();
        Set("ConnectionStrings:postgres", Servers.PostgresConnectionString);
        Set("ConnectionStrings:redis", Servers.RedisConnectionString);
        Set("Redis:KeyPrefix", KeyPrefix);
        if (databaseResource is not null)
        {
            var database = TestDatabase.NewName(databaseResource);
            await TestDatabase.CreateAsync(Servers.PostgresConnectionString, database, CancellationToken.None);
            DatabaseConnectionString = TestDatabase.ConnectionString(Servers.PostgresConnectionString, database);
            Set($"ConnectionStrings:{databaseResource}", DatabaseConnectionString);
        }
        await WaitUntilReadyAsync(CreateUnsignedClient(), TimeSpan.FromSeconds(60));
    }

    public new virtual async Task DisposeAsync() => await base.DisposeAsync();

    /// <summary>
    /// Starts another instance of the service on the same database and Redis key prefix, like a second replica, with
    /// <paramref name="overrides"/> on top of this factory's settings; ready when returned.
    /// </summary>
    public async Task<ServiceReplica> StartReplicaAsync(params (string Key, string? Value)[] overrides)
    {
        var settings = new Dictionary<string, string?>(_settings);
        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }
        var replica = new ServiceReplica(settings);
        await WaitUntilReadyAsync(replica.CreateUnsignedClient(), TimeSpan.FromSeconds(60));
        return replica;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public static async Task WaitUntilReadyAsync(HttpClient client, TimeSpan timeout, string path = "/health/ready")
    {
        using var cancellation = new CancellationTokenSource(timeout);
        string? last = null;
        while (!cancellation.IsCancellationRequested)
        {
            using var response = await client.GetAsync(path, CancellationToken.None);
            if (response.IsSuccessStatusCode)
            {
                return;
            }
            last = await response.Content.ReadAsStringAsync(CancellationToken.None);
            await Task.Delay(50, CancellationToken.None);
        }
        throw new TimeoutException($"{path} did not answer 200 within {timeout}: {last}");
    }

    /// <summary>Another instance of the service (<see cref="StartReplicaAsync"/>), whose clients sign like the factory's.</summary>
    public sealed class ServiceReplica(IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<TProgram>
    {
        public new HttpClient CreateClient() => CreateDefaultClient(new SigningHandler(Caller.Admin));

        public HttpClient CreateUnsignedClient() => base.CreateClient();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        }
    }
}
