using Platform.ServiceDefaults.Pools;

namespace Platform.Health.Pools;

/// <summary>Reads a service's Npgsql pool figures (replaceable in tests; docs/api-behaviour.md, 5.8).</summary>
internal interface IPoolGatherer
{
    Task<PoolSnapshot> GatherAsync(string service, CancellationToken cancellationToken);
}
