namespace Platform.Health.Monitoring;

/// <summary>Asks a platform service whether it is ready; throws when it is not (replaceable in tests; docs/api-behaviour.md, 5.8).</summary>
internal interface IServiceReadinessProber
{
    Task ProbeAsync(string service, CancellationToken cancellationToken);
}
