using Platform.ServiceDefaults.Pools;

namespace Platform.Health.Pools;

/// <summary>Reads a service's Npgsql pool figures (contract §9: replaceable in tests).</summary>
internal interface IPoolGatherer
{
    Task<PoolSnapshot> GatherAsync(string service, CancellationToken cancellationToken);
}
